package ru.moysklad.partners.partner.domain;

/** Another active employee of the partner already has the e-mail: each employee has own credentials. */
public class DuplicateEmployee extends RuntimeException {

    public DuplicateEmployee(String email) {
        super("an active employee with e-mail " + email + " already exists; each employee has own credentials");
    }
}
