/**
 * The gateway's own answers: problem+json for its refusals and for every failure it meets on the
 * way to a service (a service down, a route not found), so callers see one error shape everywhere.
 */
package ru.moysklad.partners.gateway.web;
