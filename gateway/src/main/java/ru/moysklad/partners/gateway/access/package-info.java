/**
 * Who may call what, as plain Java: the platform's roles, the caller a token describes, and the
 * access policy table that the gateway applies to every request. No Spring here, so the whole
 * table is unit-tested and readable in one place.
 */
package ru.moysklad.partners.gateway.access;
