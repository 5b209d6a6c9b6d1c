/**
 * HTTP error answers shared by every servlet service: RFC 9457 problem+json that names the field at
 * fault, and never a stack trace or SQL.
 */
package ru.moysklad.partners.platform.web;
