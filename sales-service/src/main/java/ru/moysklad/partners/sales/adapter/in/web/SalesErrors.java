package ru.moysklad.partners.sales.adapter.in.web;

import java.util.Map;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import ru.moysklad.partners.platform.web.ProblemDetailsAdvice;
import ru.moysklad.partners.platform.web.RequestRejected;
import ru.moysklad.partners.sales.application.AttachClientAccount;
import ru.moysklad.partners.sales.application.UnknownPartner;
import ru.moysklad.partners.sales.application.UnknownPayment;
import ru.moysklad.partners.sales.domain.ClientAttachmentRefused;
import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.RefundExceedsPayment;

/** Answers sales-service's domain refusals as problem+json. */
@RestControllerAdvice(basePackageClasses = SalesErrors.class)
class SalesErrors {

    @ExceptionHandler(InvalidPayment.class)
    ResponseEntity<ProblemDetail> invalid(InvalidPayment invalid) {
        return ProblemDetailsAdvice.answer(RequestRejected.invalid(invalid.problems()));
    }

    @ExceptionHandler(UnknownPartner.class)
    ResponseEntity<ProblemDetail> unknownPartner(UnknownPartner unknown) {
        return ProblemDetailsAdvice.answer(new RequestRejected(404, "unknown-partner", "Unknown partner",
                unknown.getMessage(), null, Map.of("partnerId", "no such partner is registered")));
    }

    @ExceptionHandler(UnknownPayment.class)
    ResponseEntity<ProblemDetail> unknownPayment(UnknownPayment unknown) {
        return ProblemDetailsAdvice.answer(new RequestRejected(404, "unknown-payment", "Unknown payment",
                unknown.getMessage(), null, Map.of("paymentId", "no such payment is recorded")));
    }

    @ExceptionHandler(RefundExceedsPayment.class)
    ResponseEntity<ProblemDetail> refundTooLarge(RefundExceedsPayment exceeds) {
        return ProblemDetailsAdvice.answer(new RequestRejected(409, "refund-exceeds-payment", "Refund exceeds payment",
                exceeds.getMessage(), null, Map.of("listPrice", "more than remains paid")));
    }

    @ExceptionHandler(ClientAttachmentRefused.class)
    ResponseEntity<ProblemDetail> attachmentRefused(ClientAttachmentRefused refused) {
        return ProblemDetailsAdvice.answer(new RequestRejected(403, "rule-B9", "Forbidden by rule B9",
                refused.getMessage(), ClientAttachmentRefused.RULE, null));
    }

    @ExceptionHandler(AttachClientAccount.AttachedElsewhere.class)
    ResponseEntity<ProblemDetail> attachedElsewhere(AttachClientAccount.AttachedElsewhere elsewhere) {
        return ProblemDetailsAdvice.answer(RequestRejected.conflict("attached-elsewhere", elsewhere.getMessage(), "B9"));
    }
}
