package ru.moysklad.partners.bonus;

import ru.moysklad.partners.platform.testing.FuzzedService;

/** Every operation of bonus-service's API under malformed and hostile requests. */
class BonusServiceFuzzIT extends FuzzedService {
}
