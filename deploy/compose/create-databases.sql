-- One database per service. docker-compose.yml runs this on every start; it creates only what is
-- missing, so it may run against a volume that already holds some of them.
SELECT format('CREATE DATABASE %I', wanted.name)
FROM (VALUES ('partner_service'), ('sales_service'), ('tier_service'), ('bonus_service'), ('lead_service')) AS wanted(name)
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = wanted.name)
\gexec
