package ru.moysklad.partners.platform.correlation;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import ru.moysklad.partners.contracts.CorrelationIds;

/** Accepts or creates the request's correlation id, returns it, and keeps it for the request's work. */
public class CorrelationIdFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = CorrelationIds.acceptOrCreate(request.getHeader(CorrelationIds.HEADER));
        response.setHeader(CorrelationIds.HEADER, correlationId);
        try (CorrelationId.Scope scope = CorrelationId.begin(correlationId)) {
            chain.doFilter(request, response);
        }
    }
}
