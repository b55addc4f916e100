/// Words the generator draws from. Message templates carry the characters that make log
/// decoding hard (quotes, backslashes, newlines, tabs, a control byte, `/`, `<>&`, accented
/// Latin, CJK, emoji outside the BMP) at realistic rates; placeholders are expanded per line:
/// `%d` count, `%o` order id, `%m` milliseconds, `%u` user, `%p` URL path, `%c` city, `%i` IPv4,
/// `%%` a percent sign.
enum Vocabulary {
    static let infoMessages = bytes([
        "request completed",
        "GET %p 200 in %mms",
        "POST %p 201 in %mms",
        "user \"%u\" logged in",
        "cache hit for key orders:%o",
        "cache miss for key user:%d:profile",
        "processed batch of %d events",
        "order %o shipped to %c 🚀",
        "connected to postgres at %i:5432",
        "loaded configuration from /etc/shop/config.yaml",
        "scheduled job \"reindex\" finished in %mms",
        "payment authorised for order %o (€%d.00)",
        "café menu refreshed by %u",
        "wrote report to C:\\reports\\%d\\summary.csv",
        "health check ok",
        "received webhook from https://hooks.example.com/v1/%d",
        "query took %mms:\nSELECT id, total FROM orders\n\tWHERE user_id = %d",
        "session refreshed for %u",
        "rendered template <orders/index> & layout in %mms",
        "retrying upstream call (attempt %d)",
        "frame contained control byte \u{01} at offset %d",
        "new release v1.%d.0 deployed to 東京 region",
        "feature flag \"checkout-v2\" enabled for %d%% of users",
        "Zürich → São Paulo latency %mms",
    ])

    static let warnMessages = bytes([
        "slow request: GET %p took %mms",
        "retrying connection to %i (attempt %d)",
        "deprecated header \"X-Api-Version\" used by %u",
        "rate limit at %d%% for tenant \"acme\"",
        "disk usage at %d%% on /var/lib/data",
        "certificate for api.example.com expires in %d days",
        "queue depth %d above threshold\tconsumer=orders",
        "response body truncated after %d bytes: \"{\\\"items\\\":[…\"",
    ])

    static let errorMessages = bytes([
        "db connect failed: ECONNREFUSED %i:5432",
        "upstream timeout after %mms calling https://payments.example.com/v2/charge",
        "payment declined for order %o: \"insufficient_funds\"",
        "failed to decode \"payload\": unexpected end of JSON input at offset %d",
        "panic: runtime error: index out of range [%d] with length 3",
        "could not write C:\\data\\exports\\%o.csv: access denied",
        "unhandled exception in worker\n%d jobs lost",
        "TLS handshake with %i failed: certificate has expired",
        "order %o failed for %u in 東京 ❌",
    ])

    static let users = bytes(["alice", "bob", "zoë", "josé", "李雷", "o'brien", "müller", "dev+ops", "Ωmega"])
    static let cities = bytes(["東京", "São Paulo", "Zürich", "Paris", "New York", "Kraków", "Reykjavík"])
    static let paths = bytes(["/api/v1/orders", "/api/v1/users/42/profile", "/healthz", "/api/v2/cart/items",
                              "/static/app.js", "/api/v1/search?q=caf%C3%A9&page=2", "/login", "/api/v1/payments"])

    static let hosts: [StaticString] = ["api-5d9c7b8f6-x2k4p", "api-5d9c7b8f6-q7w9z", "worker-7f8d9c-2mx4d",
                                        "web-66b8d5f7c9-lp3vk", "billing-0", "ip-10-0-3-7.eu-west-1.compute.internal"]
    static let services: [StaticString] = ["api", "worker", "billing", "cart", "auth", "search"]
    static let methods: [StaticString] = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "PATCH"]
    static let userAgents: [StaticString] = [
        "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0",
        "curl/8.5.0", "okhttp/4.12.0", "kube-probe/1.31", "Go-http-client/2.0", "python-requests/2.32.3",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148", "Prometheus/2.53.0",
    ]
    static let goCallers: [StaticString] = ["server/handler.go:142", "orders/service.go:88", "db/pool.go:57",
                                            "cmd/api/main.go:31", "payments/client.go:203"]
    static let javaLoggers: [StaticString] = ["com.example.orders.OrderService", "com.example.web.OrderController",
                                              "org.springframework.web.servlet.DispatcherServlet",
                                              "com.zaxxer.hikari.pool.HikariPool", "com.example.payments.StripeClient"]
    static let javaThreads: [StaticString] = ["http-nio-8080-exec-1", "http-nio-8080-exec-7", "main",
                                              "scheduling-1", "kafka-consumer-orders-0"]
    static let pythonLoggers: [StaticString] = ["shop.api", "shop.worker", "uvicorn.access", "celery.app.trace",
                                                "shop.payments"]
    static let dotnetCategories: [StaticString] = ["Microsoft.AspNetCore.Hosting.Diagnostics", "Shop.Api.Orders.OrderService",
                                                   "Microsoft.EntityFrameworkCore.Database.Command",
                                                   "Shop.Api.Payments.PaymentClient"]
    static let rustTargets: [StaticString] = ["shop_api::handlers::orders", "tower_http::trace::on_response",
                                              "sqlx::query", "shop_api::payments"]

    private static func bytes(_ texts: [String]) -> [[UInt8]] { texts.map { Array($0.utf8) } }
}
