package ru.moysklad.partners.deploy.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The website's lead form under an open-loop load: each post is sent when it falls due at the
 * stretch's fixed rate, whether or not the earlier ones have been answered, as independent visitors
 * send them. A slow answer therefore never delays the next post; and every time is taken from when
 * the post was due, not from when it actually left, so a stall of the sender itself counts against
 * the platform instead of hiding (no coordinated omission).
 */
final class LeadLoad implements AutoCloseable {

    /** Where the form is posted: through the gateway, as the website does, or straight to lead-service. */
    enum Entry { GATEWAY, DIRECT }

    /** Posts through one entry at a fixed rate for a time; {@code counted} false for a warm-up. */
    record Stretch(Entry entry, int rate, Duration length, boolean counted) {

        int posts() {
            return (int) (rate * length.toNanos() / 1_000_000_000L);
        }

        long spacingNanos() {
            return 1_000_000_000L / rate;
        }
    }

    /** One post and its answer; the answer's fields are set once its future completes. */
    static final class Post {
        final Stretch stretch;
        final long dueNanos;
        long answeredNanos;
        int status;
        String leadId;
        boolean duplicate;
        String failure;

        Post(Stretch stretch, long dueNanos) {
            this.stretch = stretch;
            this.dueNanos = dueNanos;
        }

        /** Answered 201 with a new lead's id: lead-service stored it and is routing it. */
        boolean received() {
            return status == 201 && leadId != null && !duplicate;
        }

        long answerNanos() {
            return answeredNanos - dueNanos;
        }
    }

    private static final Pattern LEAD_ID = Pattern.compile("\"leadId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\"\\s*:\\s*true");
    /** From this many employees a lead is LARGE and goes to Representatives only (lead-service's default, B10). */
    private static final int LARGE_COMPANY = 300;

    /** Posts in flight at most: far beyond what an unsaturated platform holds at 500/s. */
    private static final int CONNECTIONS = 256;

    private final FormPoster http = new FormPoster(CONNECTIONS, Duration.ofSeconds(5), Duration.ofSeconds(30));
    private final Map<Entry, URI> forms;
    private final List<String> regions;
    private final Random random;
    private final long firstPhone;
    private long sent;

    /**
     * @param forms   the lead form's address through each entry
     * @param regions the leads' regions, one drawn per lead: a region listed more often sends more leads
     * @param seed    fixes the regions, sizes and phone numbers drawn
     */
    LeadLoad(Map<Entry, URI> forms, List<String> regions, long seed) {
        this.forms = Map.copyOf(forms);
        this.regions = List.copyOf(regions);
        this.random = new Random(seed);
        // a contact lead-service saw within its duplicate window would be the earlier lead again, not a new one to route
        this.firstPhone = 100_000_000L + Math.floorMod(seed, 800_000_000L);
    }

    /** The posts of a {@link #send}, and what completes once every one of them is answered (or failed). */
    record Sent(List<Post> posts, CompletableFuture<Void> answered) {

        /** Waits for every answer, at most {@code patience}. */
        void awaitAnswers(Duration patience) throws Exception {
            try {
                answered.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new IllegalStateException("lead posts still unanswered after " + patience.toSeconds() + " s", e);
            }
        }
    }

    /**
     * Sends the stretches one after the other, each beginning where the one before it ended, and
     * returns when the last post has been sent, not answered.
     */
    Sent send(List<Stretch> stretches) {
        List<Post> posts = new ArrayList<>();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (Stretch stretch : stretches) {
            for (int i = 0; i < stretch.posts(); i++) {
                long due = start + i * stretch.spacingNanos();
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Post post = new Post(stretch, due);
                posts.add(post);
                answers.add(post(post));
            }
            start += stretch.posts() * stretch.spacingNanos();
        }
        return new Sent(posts, CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> post(Post post) {
        return http.post(forms.get(post.stretch.entry()), nextLead()).handle((response, failure) -> {
            post.answeredNanos = System.nanoTime();
            if (failure != null) {
                post.failure = (failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure).toString();
                return null;
            }
            post.status = response.status();
            Matcher id = LEAD_ID.matcher(response.body());
            if (id.find()) {
                post.leadId = id.group(1);
            }
            post.duplicate = DUPLICATE.matcher(response.body()).find();
            if (!post.received()) {
                post.failure = response.status() + " " + response.body();
            }
            return null;
        });
    }

    @Override
    public void close() {
        http.close();
    }

    /** A small company's lead, one in twenty a large one's (B10), each with a phone number of its own. */
    private String nextLead() {
        long n = sent++;
        String region = regions.get(random.nextInt(regions.size()));
        int employees = n % 20 == 7 ? LARGE_COMPANY : 2 + random.nextInt(150);
        return String.format(Locale.ROOT, "{\"company\": \"OOO Bench %d\", \"contactName\": \"Client %d\", \"phone\": \"+79%09d\","
                + " \"region\": \"%s\", \"companySize\": %d, \"consent\": true}", n, n, firstPhone + n, region, employees);
    }
}
