package ru.moysklad.partners.partner.domain;

/** The partner has no employee with that id. */
public class EmployeeNotFound extends RuntimeException {

    public EmployeeNotFound(String partnerId, String employeeId) {
        super("partner " + partnerId + " has no employee " + employeeId);
    }
}
