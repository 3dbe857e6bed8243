package app.smsdesk.bench;

import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** The ceiling of our stack: bare Undertow answering a constant body on the I/O thread. */
public final class HelloServer {
    private HelloServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        ByteBuffer body = ByteBuffer.allocateDirect(20).put("{\"hello\":\"world\"}   ".getBytes(StandardCharsets.UTF_8));
        body.flip();
        Undertow server = Undertow.builder()
                .addHttpListener(port, "127.0.0.1")
                .setHandler(exchange -> {
                    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
                    exchange.getResponseSender().send(body.duplicate());
                })
                .build();
        server.start();
        System.out.println("hello server listening on http://127.0.0.1:" + port);
    }
}
