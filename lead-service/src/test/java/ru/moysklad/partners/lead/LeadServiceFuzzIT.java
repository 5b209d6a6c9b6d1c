package ru.moysklad.partners.lead;

import org.springframework.context.annotation.Import;

import ru.moysklad.partners.platform.testing.FuzzedService;

/** Every operation of lead-service's API under malformed and hostile requests. */
@Import(ControllableClock.class)
class LeadServiceFuzzIT extends FuzzedService {
}
