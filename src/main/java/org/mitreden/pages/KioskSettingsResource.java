package org.mitreden.pages;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.mitreden.core.MitredenConfig;

/**
 * Settings served to /kiosk/ next to the page itself. Not part of the API (hidden from the OpenAPI
 * document): only the page reads it.
 */
@Path("/kiosk/settings")
public class KioskSettingsResource {

    @Inject
    MitredenConfig config;

    @Inject
    PagesConfig pages;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response settings() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(new KioskSettings(config.submission().allowAnonymous(),
                        pages.kioskIdleTimeout().toSeconds(), pages.kioskIdleWarning().toSeconds()))
                .cacheControl(noStore)
                .build();
    }
}
