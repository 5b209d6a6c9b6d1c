package ru.moysklad.partners.partner;

import ru.moysklad.partners.platform.testing.FuzzedService;

/** Every operation of partner-service's API under malformed and hostile requests. */
class PartnerServiceFuzzIT extends FuzzedService {
}
