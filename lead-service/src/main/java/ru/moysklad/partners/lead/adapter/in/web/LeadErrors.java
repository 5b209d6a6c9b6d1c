package ru.moysklad.partners.lead.adapter.in.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.moysklad.partners.lead.domain.InvalidLead;
import ru.moysklad.partners.platform.web.ProblemDetailsAdvice;
import ru.moysklad.partners.platform.web.RequestRejected;

/** Answers lead-service's refusals as problem+json naming each field. */
@RestControllerAdvice(basePackageClasses = LeadErrors.class)
class LeadErrors {

    @ExceptionHandler(InvalidLead.class)
    ResponseEntity<ProblemDetail> invalid(InvalidLead invalid) {
        return ProblemDetailsAdvice.answer(RequestRejected.invalid(invalid.problems()));
    }
}
