package ru.moysklad.partners.deploy.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FormPosterTest {

    private final FormPoster poster = new FormPoster(4, Duration.ofSeconds(2), Duration.ofSeconds(5));
    private Server server;

    @AfterEach
    void stop() throws IOException {
        poster.close();
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldReadAnAnswerByItsLengthAndSendTheNextPostOnTheSameConnection() throws Exception {
        server = new Server(body -> answer("201 Created", "Content-Length: " + body.length() + "\r\n", body), false);

        FormPoster.Answer first = poster.post(server.uri(), "{\"n\": 1}").get(5, TimeUnit.SECONDS);
        FormPoster.Answer second = poster.post(server.uri(), "{\"n\": 2}").get(5, TimeUnit.SECONDS);

        assertThat(first).isEqualTo(new FormPoster.Answer(201, "{\"n\": 1}"));
        assertThat(second).isEqualTo(new FormPoster.Answer(201, "{\"n\": 2}"));
        assertThat(server.connections.get()).isEqualTo(1);
        assertThat(server.requests).allSatisfy(head -> assertThat(head).startsWith("POST /api/leads HTTP/1.1")
                .contains("Content-Type: application/json"));
    }

    @Test
    void shouldJoinAChunkedAnswer() throws Exception {
        server = new Server(body -> answer("400 Bad Request", "Transfer-Encoding: chunked\r\n", "5\r\n{\"a\":\r\n3;x=y\r\n 1}\r\n0\r\n\r\n"),
                false);

        assertThat(poster.post(server.uri(), "{}").get(5, TimeUnit.SECONDS)).isEqualTo(new FormPoster.Answer(400, "{\"a\": 1}"));
    }

    @Test
    void shouldSendAPostAnewWhenTheServerHadClosedTheIdleConnectionUnread() throws Exception {
        server = new Server(body -> answer("201 Created", "Content-Length: 2\r\n", "ok"), true);

        poster.post(server.uri(), "{}").get(5, TimeUnit.SECONDS);
        FormPoster.Answer again = poster.post(server.uri(), "{}").get(5, TimeUnit.SECONDS);

        assertThat(again.status()).isEqualTo(201);
        assertThat(server.connections.get()).isEqualTo(2);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void shouldFailAPostWhoseAnswerBreaksOff() throws Exception {
        server = new Server(body -> answer("201 Created", "Content-Length: 100\r\n", "short"), true);

        assertThatThrownBy(() -> poster.post(server.uri(), "{}").get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("before the answer's end");
    }

    private static String answer(String status, String headers, String body) {
        return "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\n" + headers + "\r\n" + body;
    }

    /** Answers each post on a connection with what {@code answer} makes of its body; closes after one post if asked. */
    private static final class Server implements AutoCloseable {
        final AtomicInteger connections = new AtomicInteger();
        final Queue<String> requests = new ConcurrentLinkedQueue<>();
        private final ServerSocket socket;
        private final Thread acceptor;

        Server(Function<String, String> answer, boolean closeAfterOne) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (!socket.isClosed()) {
                        Socket connection = socket.accept();
                        connections.incrementAndGet();
                        Thread serving = new Thread(() -> serve(connection, answer, closeAfterOne));
                        serving.setDaemon(true);
                        serving.start();
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/api/leads");
        }

        private void serve(Socket connection, Function<String, String> answer, boolean closeAfterOne) {
            try (connection) {
                BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = connection.getOutputStream();
                while (true) {
                    StringBuilder head = new StringBuilder();
                    int length = 0;
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        head.append(line).append('\n');
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            length = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                    if (head.isEmpty()) {
                        return;
                    }
                    char[] body = new char[length];
                    int read = 0;
                    while (read < length) {
                        read += in.read(body, read, length - read);
                    }
                    requests.add(head.toString());
                    out.write(answer.apply(new String(body)).getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    if (closeAfterOne) {
                        return;
                    }
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
