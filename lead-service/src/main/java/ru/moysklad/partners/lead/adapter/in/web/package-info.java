/** lead-service's HTTP API: the website's lead form (public, through the gateway) and leads for vendor staff. */
package ru.moysklad.partners.lead.adapter.in.web;
