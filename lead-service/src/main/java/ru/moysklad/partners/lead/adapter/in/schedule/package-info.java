/** lead-service's timed work: moving on the leads whose time to answer ran out. */
package ru.moysklad.partners.lead.adapter.in.schedule;
