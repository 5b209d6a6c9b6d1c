package ru.moysklad.partners.partner.adapter.in.web;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.moysklad.partners.partner.application.PartnerNotFound;
import ru.moysklad.partners.partner.domain.DuplicateEmployee;
import ru.moysklad.partners.partner.domain.EmployeeNotFound;
import ru.moysklad.partners.partner.domain.InvalidPartnerData;
import ru.moysklad.partners.partner.domain.Partners;
import ru.moysklad.partners.partner.domain.RuleRefusal;
import ru.moysklad.partners.platform.web.ProblemDetailsAdvice;
import ru.moysklad.partners.platform.web.RequestRejected;

/** Answers partner-service's domain refusals as problem+json: 400 per field, 404, 409, 422 with the rule id. */
@RestControllerAdvice(basePackageClasses = PartnerErrors.class)
class PartnerErrors {

    @ExceptionHandler(InvalidPartnerData.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPartnerData invalid) {
        return ProblemDetailsAdvice.answer(RequestRejected.invalid(invalid.problems()));
    }

    @ExceptionHandler(PartnerNotFound.class)
    ResponseEntity<ProblemDetail> notFound(PartnerNotFound notFound) {
        return ProblemDetailsAdvice.answer(new RequestRejected(404, "partner-not-found", "Not found", notFound.getMessage(), null, null));
    }

    @ExceptionHandler(Partners.DuplicateTaxId.class)
    ResponseEntity<ProblemDetail> duplicate(Partners.DuplicateTaxId duplicate) {
        return ProblemDetailsAdvice.answer(new RequestRejected(409, "duplicate-tax-id", "Already registered",
                duplicate.getMessage(), null, java.util.Map.of("taxId", "already registered")));
    }

    @ExceptionHandler(Partners.ConcurrentPartnerUpdate.class)
    ResponseEntity<ProblemDetail> concurrent(Partners.ConcurrentPartnerUpdate concurrent) {
        return ProblemDetailsAdvice.answer(RequestRejected.conflict("concurrent-update",
                concurrent.getMessage() + "; read it again and retry", null));
    }

    @ExceptionHandler(EmployeeNotFound.class)
    ResponseEntity<ProblemDetail> employeeNotFound(EmployeeNotFound notFound) {
        return ProblemDetailsAdvice.answer(new RequestRejected(404, "employee-not-found", "Not found", notFound.getMessage(), null, null));
    }

    @ExceptionHandler(DuplicateEmployee.class)
    ResponseEntity<ProblemDetail> duplicateEmployee(DuplicateEmployee duplicate) {
        return ProblemDetailsAdvice.answer(new RequestRejected(409, "duplicate-employee", "Already an employee",
                duplicate.getMessage(), null, java.util.Map.of("email", "already used by an active employee")));
    }

    @ExceptionHandler(RuleRefusal.class)
    ResponseEntity<ProblemDetail> refused(RuleRefusal refusal) {
        return ProblemDetailsAdvice.answer(RequestRejected.forbiddenByRule(refusal.ruleId(), refusal.getMessage()));
    }
}
