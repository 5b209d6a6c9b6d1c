package ru.moysklad.partners.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import ru.moysklad.partners.devissuer.DevelopmentIssuer;

class RoleTest {

    @Test
    void shouldKnowExactlyTheRolesTheDevelopmentIssuerSigns() {
        assertThat(Arrays.stream(Role.values()).map(Role::claimValue)).containsExactlyElementsOf(DevelopmentIssuer.ROLES);
    }

    @Test
    void shouldIgnoreARoleItDoesNotKnow() {
        assertThat(Role.fromClaim("superuser")).isEmpty();
        assertThat(Role.fromClaim("vendor-staff")).contains(Role.VENDOR_STAFF);
    }
}
