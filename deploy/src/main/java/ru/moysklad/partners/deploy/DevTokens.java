package ru.moysklad.partners.deploy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import ru.moysklad.partners.devissuer.DevelopmentIssuer;

/**
 * {@code ./run token ROLE [PARTNER_ID]}: prints a token from the local run's development issuer
 * (the one whose public key the local gateway trusts), for trying the API with curl.
 */
public final class DevTokens {

    static final String USAGE = """
            Usage: ./run token ROLE [PARTNER_ID] [--data-dir=DIR]

            Prints a bearer token the local gateway accepts (signed by the development issuer in the
            data directory). ROLE is one of: %s. Partner roles need the partner's id.

            Example: curl -H "Authorization: Bearer $(./run token vendor-staff)" http://127.0.0.1:8080/api/partners/<id>
            """.formatted(String.join(", ", DevelopmentIssuer.ROLES));

    private DevTokens() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), LocalPlatform.locateProjectDir(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> environment, Path projectDir, PrintStream out, PrintStream err) {
        List<String> positional = args.stream().filter(arg -> !arg.startsWith("--")).toList();
        if (args.contains("--help") || positional.isEmpty() || positional.size() > 2) {
            (positional.isEmpty() || positional.size() > 2 ? err : out).print(USAGE);
            return args.contains("--help") ? 0 : 2;
        }
        String role = positional.get(0);
        String partnerId = positional.size() > 1 ? positional.get(1) : null;
        if (!DevelopmentIssuer.ROLES.contains(role)) {
            err.println("error: unknown role '" + role + "'; known: " + String.join(", ", DevelopmentIssuer.ROLES));
            return 2;
        }
        boolean partnerRole = role.startsWith("partner-");
        if (partnerRole && partnerId == null) {
            err.println("error: " + role + " belongs to one partner: ./run token " + role + " <partnerId>");
            return 2;
        }
        if (!partnerRole && partnerId != null) {
            err.println("error: " + role + " does not belong to a partner; leave out '" + partnerId + "'");
            return 2;
        }
        List<String> launcherArgs = args.stream().filter(arg -> arg.startsWith("--data-dir")).toList();
        LaunchOptions options = LaunchOptions.parse(launcherArgs, environment, projectDir);
        DevelopmentIssuer issuer = DevelopmentIssuer.inDirectory(options.dataDir().resolve("dev-issuer"));
        DevelopmentIssuer.TokenBuilder token = issuer.token(role).subject(partnerRole ? role + "@" + partnerId : role);
        if (partnerId != null) {
            token.partner(partnerId);
        }
        out.println(token.sign());
        return 0;
    }
}
