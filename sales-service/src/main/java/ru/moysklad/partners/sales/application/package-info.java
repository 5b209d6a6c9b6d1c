/** Use cases of sales-service; each is one transaction over the domain's ports. */
package ru.moysklad.partners.sales.application;
