package ru.moysklad.partners.partner.application;

/** No partner has the id asked for. */
public class PartnerNotFound extends RuntimeException {

    public PartnerNotFound(String partnerId) {
        super("partner " + partnerId + " does not exist");
    }
}
