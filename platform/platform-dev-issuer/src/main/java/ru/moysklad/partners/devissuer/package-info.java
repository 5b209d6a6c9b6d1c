/**
 * The development token issuer: an RSA key pair kept in the local run's data directory, and JWTs
 * signed with it for each of the platform's roles. The gateway trusts its public key only when told
 * to (the local run does; production points the gateway at the real identity provider).
 */
package ru.moysklad.partners.devissuer;
