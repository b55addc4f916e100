import OpsCore

/// What the demo's requests look like: a few routes of a shop, ids for the log triage to find, and
/// the errors and warnings such a service logs.
enum DemoTraffic {
    struct Route {
        var method: String
        var path: String
    }

    static let routes = [
        Route(method: "GET", path: "/api/orders"), Route(method: "POST", path: "/api/orders"),
        Route(method: "GET", path: "/api/cart"), Route(method: "POST", path: "/api/checkout"),
        Route(method: "GET", path: "/api/products"), Route(method: "GET", path: "/api/users/me"),
    ]

    static let failures = [
        DemoLogEvent.Failure(type: "UpstreamTimeout", message: "payment provider did not answer within 2s", frames: [
            DemoLogEvent.Frame(function: "chargeCard", file: "payments", line: 87),
            DemoLogEvent.Frame(function: "checkout", file: "orders", line: 142),
            DemoLogEvent.Frame(function: "handle", file: "server", line: 31),
        ]),
        DemoLogEvent.Failure(type: "PoolExhausted", message: "no database connection free after 500ms", frames: [
            DemoLogEvent.Frame(function: "acquire", file: "db", line: 56),
            DemoLogEvent.Frame(function: "loadOrders", file: "orders", line: 64),
            DemoLogEvent.Frame(function: "handle", file: "server", line: 31),
        ]),
        DemoLogEvent.Failure(type: "CardDeclined", message: "card declined by issuer", frames: [
            DemoLogEvent.Frame(function: "authorize", file: "payments", line: 121),
            DemoLogEvent.Frame(function: "checkout", file: "orders", line: 139),
        ]),
    ]

    static let warnings = ["slow query on orders_by_user", "retrying payment provider", "cache miss storm on products"]
}
