/** lead-service's use cases, one transaction each: receiving a lead from the website's form. */
package ru.moysklad.partners.lead.application;
