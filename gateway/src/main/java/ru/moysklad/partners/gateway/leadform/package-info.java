/**
 * The website's lead form, the one public write: CORS for the vendor site's origins, a body size
 * limit, a honeypot field that only bots fill, and a per-client-IP rate limit answering 429 with
 * Retry-After, counted in Redis when configured (shared by every gateway instance) or in memory.
 */
package ru.moysklad.partners.gateway.leadform;
