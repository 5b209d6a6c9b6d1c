/** Use cases of partner-service; each is one transaction over the domain's ports, retried on a concurrent update. */
package ru.moysklad.partners.partner.application;
