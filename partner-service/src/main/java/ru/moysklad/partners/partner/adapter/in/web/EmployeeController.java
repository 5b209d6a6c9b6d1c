package ru.moysklad.partners.partner.adapter.in.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.partner.application.ChangePartner;
import ru.moysklad.partners.partner.application.PartnerQueries;
import ru.moysklad.partners.partner.domain.Employee;
import ru.moysklad.partners.partner.domain.EmployeeNotFound;
import ru.moysklad.partners.partner.domain.Partner;

/** A partner's employees and their program test (S2). */
@RestController
@RequestMapping("/api/partners/{partnerId}/employees")
class EmployeeController {

    private final ChangePartner changePartner;
    private final PartnerQueries queries;

    EmployeeController(ChangePartner changePartner, PartnerQueries queries) {
        this.changePartner = changePartner;
        this.queries = queries;
    }

    /** The administrator adds an employee with own e-mail; a selling one must pass the program test (S2). */
    @PostMapping
    ResponseEntity<EmployeeView> add(@PathVariable String partnerId, @Valid @RequestBody NewEmployee request) {
        String employeeId = changePartner.addEmployee(partnerId, request.name(), request.email(), request.selling());
        return ResponseEntity.created(URI.create("/api/partners/" + partnerId + "/employees/" + employeeId))
                .body(view(queries.partner(partnerId), employeeId));
    }

    @GetMapping
    List<EmployeeView> employees(@PathVariable String partnerId) {
        return queries.partner(partnerId).employees().stream().map(EmployeeView::of).toList();
    }

    @GetMapping("/{employeeId}")
    EmployeeView employee(@PathVariable String partnerId, @PathVariable String employeeId) {
        return view(queries.partner(partnerId), employeeId);
    }

    /** The administrator deactivates an employee; it no longer counts for S2. */
    @PostMapping("/{employeeId}/deactivation")
    EmployeeView deactivate(@PathVariable String partnerId, @PathVariable String employeeId) {
        return view(changePartner.deactivateEmployee(partnerId, employeeId), employeeId);
    }

    /** S2: an employee's attempt at the program test, scored out of 100. */
    @PostMapping("/{employeeId}/test-attempts")
    EmployeeView recordTestAttempt(@PathVariable String partnerId, @PathVariable String employeeId,
                                   @Valid @RequestBody TestAttemptRequest request) {
        return view(changePartner.recordTestAttempt(partnerId, employeeId, request.score()), employeeId);
    }

    /** An employee asks for billing access (the administrator has it by default); vendor staff decide. */
    @PostMapping("/{employeeId}/billing-access-request")
    EmployeeView requestBillingAccess(@PathVariable String partnerId, @PathVariable String employeeId) {
        return view(changePartner.requestBillingAccess(partnerId, employeeId), employeeId);
    }

    /** Vendor staff approve or reject a pending billing-access request, with a reason. */
    @PostMapping("/{employeeId}/billing-access-decision")
    EmployeeView decideBillingAccess(@PathVariable String partnerId, @PathVariable String employeeId,
                                     @Valid @RequestBody BillingDecision request) {
        return view(changePartner.decideBillingAccess(partnerId, employeeId, request.decision() == Decision.GRANT,
                request.by(), request.reason()), employeeId);
    }

    enum Decision { GRANT, REJECT }

    record BillingDecision(@NotNull Decision decision, @NotBlank @Size(max = 100) String by,
                           @NotBlank @Size(max = 1000) String reason) {
    }

    private static EmployeeView view(Partner partner, String employeeId) {
        return partner.employees().stream().filter(employee -> employee.employeeId().equals(employeeId)).findFirst()
                .map(EmployeeView::of)
                .orElseThrow(() -> new EmployeeNotFound(partner.partnerId(), employeeId));
    }

    record NewEmployee(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 254) String email, boolean selling) {
    }

    record TestAttemptRequest(@NotNull @Min(0) @Max(100) Integer score) {
    }

    record EmployeeView(String employeeId, String name, String email, boolean selling, boolean active, Instant addedAt,
                        Instant deactivatedAt, Integer bestScore, boolean passed, Instant passedAt, int attempts,
                        String billingAccess) {
        static EmployeeView of(Employee employee) {
            return new EmployeeView(employee.employeeId(), employee.name(), employee.email(), employee.selling(),
                    employee.active(), employee.addedAt(), employee.deactivatedAt(), employee.bestScore(),
                    employee.passed(), employee.passedAt(), employee.attempts(), employee.billingAccess().name());
        }
    }
}
