package ru.moysklad.partners.contracts.serde;

import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro 1.12 refuses to instantiate generated classes it has not been told to trust; this trusts the
 * event package, and nothing else, once per JVM.
 */
final class AvroTrust {

    static final String EVENTS_PACKAGE = "ru.moysklad.partners.events";

    private static boolean granted;

    private AvroTrust() {
    }

    static synchronized void grant() {
        if (!granted) {
            ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                    ClassSecurityValidator.getGlobal(),
                    type -> EVENTS_PACKAGE.equals(type.getPackageName())));
            granted = true;
        }
    }
}
