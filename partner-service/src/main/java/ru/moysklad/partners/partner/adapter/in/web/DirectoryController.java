package ru.moysklad.partners.partner.adapter.in.web;

import java.time.Duration;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import ru.moysklad.partners.partner.application.DirectoryListing;
import ru.moysklad.partners.partner.application.PartnerDirectory;

/**
 * {@code GET /api/directory}: the public partner list for the vendor's website (B11's block of
 * Representatives, then Experts and Partners), read-only. The website may cache it for
 * {@code partners.directory-max-age} and revalidate with the ETag: an unchanged page answers 304.
 */
@RestController
class DirectoryController {

    private final PartnerDirectory directory;
    private final CacheControl caching;

    DirectoryController(PartnerDirectory directory, @Value("${partners.directory-max-age:PT1M}") Duration maxAge) {
        this.directory = directory;
        this.caching = CacheControl.maxAge(maxAge).cachePublic();
    }

    /**
     * @param region a region code (e.g. URALS, KZ), or every region
     * @param status PARTNER, EXPERT or REPRESENTATIVE, or all three
     * @param page   the page of Partners and Experts, from 0 (Representatives always come whole)
     * @param size   Partners and Experts per page, 1 to 100
     */
    @GetMapping("/api/directory")
    ResponseEntity<DirectoryListing.Page> directory(@RequestParam(required = false) String region,
                                                    @RequestParam(required = false) String status,
                                                    @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "20") int size) {
        return ResponseEntity.ok().cacheControl(caching).body(directory.page(upper(region), upper(status), page, size));
    }

    private static String upper(String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    @Configuration(proxyBeanMethods = false)
    static class Caching {

        /** The ETag is the page's own hash: the same page, the same tag, whoever asks and however often. */
        @Bean
        FilterRegistrationBean<ShallowEtagHeaderFilter> directoryEtags() {
            FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
            registration.addUrlPatterns("/api/directory");
            return registration;
        }
    }
}
