package ru.moysklad.partners.gateway.access;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as far as the gateway knows: anonymous, or the subject of a verified token with
 * its roles and, for partner users, the one partner it belongs to.
 */
public record Caller(String subject, Set<Role> roles, Optional<String> partnerId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Optional.empty());

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        partnerId = partnerId.filter(id -> !id.isBlank());
    }

    public static Caller of(String subject, Set<Role> roles, String partnerId) {
        return new Caller(subject, roles, Optional.ofNullable(partnerId));
    }

    public boolean isAnonymous() {
        return subject == null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A partner user of exactly this partner (a partner role without a partner claim belongs to none). */
    public boolean belongsTo(String partner) {
        return partnerId.map(partner::equals).orElse(false) && roles.stream().anyMatch(Role::isPartnerUser);
    }
}
