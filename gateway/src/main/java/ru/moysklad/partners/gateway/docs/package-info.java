/**
 * The platform's API documentation at the gateway: each service's OpenAPI document under
 * {@code /v3/api-docs/<service>}, and all of them merged into one at {@code /v3/api-docs}, with
 * who may call each operation (from the gateway's access table) and how to authenticate.
 */
package ru.moysklad.partners.gateway.docs;
