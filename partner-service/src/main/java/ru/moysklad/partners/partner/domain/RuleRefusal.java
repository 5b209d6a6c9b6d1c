package ru.moysklad.partners.partner.domain;

/** An action the partner's state or the program's rules forbid; names the rule that forbids it. */
public class RuleRefusal extends RuntimeException {

    private final String ruleId;

    public RuleRefusal(String ruleId, String message) {
        super(message);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
