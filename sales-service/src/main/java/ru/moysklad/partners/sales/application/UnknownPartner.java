package ru.moysklad.partners.sales.application;

/** No partner of that id has been registered (as far as partner-service's events have told). */
public class UnknownPartner extends RuntimeException {

    public UnknownPartner(String partnerId) {
        super("no partner " + partnerId + " is registered");
    }
}
