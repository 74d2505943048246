package org.mitreden.jobcenter;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.mitreden.core.ApiProblem;
import org.mitreden.core.MitredenConfig;
import org.mitreden.core.ProblemKind;

import io.quarkus.panache.common.Sort;

/** The jobcenters an installation serves; an operator adds them, none is ever removed. */
@ApplicationScoped
public class JobcenterService {

    @Inject
    MitredenConfig config;

    @Transactional
    public List<JobcenterView> list() {
        return Jobcenter.<Jobcenter> listAll(Sort.ascending("code")).stream().map(JobcenterView::of).toList();
    }

    @Transactional
    public Optional<JobcenterView> find(String code) {
        if (code == null || !KnownJobcenters.CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Jobcenter.<Jobcenter> findByIdOptional(code).map(JobcenterView::of);
    }

    @Transactional
    public JobcenterView create(JobcenterDefinition definition) {
        if (!config.jobcenters().multiple()) {
            throw ApiProblem.of(ProblemKind.CONFLICT, "problem.jobcenters-single.detail");
        }
        if (Jobcenter.findByIdOptional(definition.code()).isPresent()) {
            throw ApiProblem.of(ProblemKind.CONFLICT, "problem.jobcenter-exists.detail");
        }
        Jobcenter jobcenter = new Jobcenter();
        jobcenter.code = definition.code();
        jobcenter.name = definition.name();
        jobcenter.createdOn = today();
        jobcenter.persist();
        return JobcenterView.of(jobcenter);
    }

    private LocalDate today() {
        return ZonedDateTime.now(config.timeZone()).toLocalDate();
    }
}
