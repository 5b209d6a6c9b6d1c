package ru.moysklad.partners.bonus.adapter.in.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.moysklad.partners.bonus.application.ClaimNotFound;
import ru.moysklad.partners.bonus.domain.ClaimAlreadyDecided;
import ru.moysklad.partners.bonus.domain.InsufficientPoints;
import ru.moysklad.partners.bonus.domain.InvalidFields;
import ru.moysklad.partners.platform.web.ProblemDetailsAdvice;
import ru.moysklad.partners.platform.web.RequestRejected;

/** Answers bonus-service's refusals as problem+json. */
@RestControllerAdvice(basePackageClasses = BonusErrors.class)
class BonusErrors {

    @ExceptionHandler(InvalidFields.class)
    ResponseEntity<ProblemDetail> invalid(InvalidFields invalid) {
        return ProblemDetailsAdvice.answer(RequestRejected.invalid(invalid.problems()));
    }

    @ExceptionHandler(ClaimNotFound.class)
    ResponseEntity<ProblemDetail> notFound(ClaimNotFound notFound) {
        return ProblemDetailsAdvice.answer(new RequestRejected(404, "claim-not-found", "Not found", notFound.getMessage(), null, null));
    }

    @ExceptionHandler(InsufficientPoints.class)
    ResponseEntity<ProblemDetail> insufficient(InsufficientPoints insufficient) {
        return ProblemDetailsAdvice.answer(RequestRejected.conflict("insufficient-points", insufficient.getMessage(), "LEDGER-NON-NEGATIVE"));
    }

    @ExceptionHandler(ClaimAlreadyDecided.class)
    ResponseEntity<ProblemDetail> decided(ClaimAlreadyDecided decided) {
        return ProblemDetailsAdvice.answer(RequestRejected.conflict("claim-already-decided", decided.getMessage(), null));
    }
}
