package ru.moysklad.partners.bonus;

import ru.moysklad.partners.platform.testing.ServiceStartsHealthy;

class BonusServiceIT extends ServiceStartsHealthy {
}
