package org.mitreden.jobcenter;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A jobcenter as the national roles see it. */
@Schema(name = "Jobcenter")
public record JobcenterView(
        @Schema(description = "The code tokens name in their jobcenter claim and kiosks in their address", examples = "hamm",
                pattern = KnownJobcenters.CODE_PATTERN, maxLength = 40) String code,
        @Schema(description = "Its name", examples = "Jobcenter Hamm", maxLength = 200) String name,
        @Schema(description = "The day it was added") LocalDate createdOn) {

    static JobcenterView of(Jobcenter jobcenter) {
        return new JobcenterView(jobcenter.code, jobcenter.name, jobcenter.createdOn);
    }
}
