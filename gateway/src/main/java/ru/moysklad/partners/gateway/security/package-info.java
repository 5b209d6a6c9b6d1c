/**
 * Authentication and authorization at the gateway: JWTs from the configured issuer (OAuth2
 * resource server), the access table applied to every request, the caller's identity passed on to
 * the services, and every refusal answered as problem+json.
 */
package ru.moysklad.partners.gateway.security;
