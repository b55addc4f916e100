/// Stack traces as each runtime prints them, written raw into `detail`. JSON shapes escape them
/// into one field (`stack_trace`, `stacktrace`, `@x`, `exception`); the plain-text shape writes the
/// Java one as the continuation lines that follow an error line.
extension RecordComposer {
    mutating func composeJavaStack() {
        detail.removeAll()
        detail.append(rng.pick(StackVocabulary.javaExceptions))
        appendFrames(StackVocabulary.javaFrames, prefix: "\n\tat ")
        if rng.chance(perMille: 300) {
            detail.append("\nCaused by: ")
            detail.append(rng.pick(StackVocabulary.javaCauses))
            appendFrames(StackVocabulary.javaCauseFrames, prefix: "\n\tat ")
            detail.append("\n\t... ")
            detail.appendDecimal(rng.inRange(8...60))
            detail.append(" more")
        }
    }

    mutating func composeGoStack() {
        detail.removeAll()
        var first = true
        let start = rng.below(2)
        for index in start..<min(StackVocabulary.goFrames.count, start + rng.inRange(2...4)) {
            if !first { detail.append(UInt8(ascii: "\n")) }
            first = false
            detail.append(StackVocabulary.goFrames[index])
        }
    }

    mutating func composePythonTraceback() {
        detail.removeAll()
        detail.append("Traceback (most recent call last):")
        appendFrames(StackVocabulary.pythonFrames, prefix: "\n")
        detail.append(UInt8(ascii: "\n"))
        detail.append(rng.pick(StackVocabulary.pythonExceptions))
    }

    /// `Error: <message>` and its frames: Node prints the error's message as the stack's head.
    mutating func composeNodeStack() {
        detail.removeAll()
        detail.append("Error: ")
        detail.append(message, 0..<(message.firstIndex(of: 0x0A, from: 0) ?? message.count))
        appendFrames(StackVocabulary.nodeFrames, prefix: "\n    at ")
    }

    /// `Exception.ToString()`. Microsoft's JSON console formatter replaces the newlines with
    /// spaces (`lineBreak: " "`); Serilog keeps them.
    mutating func composeDotnetException(lineBreak: StaticString) {
        detail.removeAll()
        detail.append(rng.pick(StackVocabulary.dotnetExceptions))
        for frame in StackVocabulary.dotnetFrames.prefix(rng.inRange(2...StackVocabulary.dotnetFrames.count)) {
            detail.append(lineBreak)
            detail.append("   at ")
            detail.append(frame)
        }
    }

    /// A contiguous run of 2 to 5 frames from `frames`, each after `prefix`.
    private mutating func appendFrames(_ frames: [StaticString], prefix: StaticString) {
        let start = rng.below(frames.count - 1)
        let end = min(frames.count, start + rng.inRange(2...5))
        for index in start..<end {
            detail.append(prefix)
            detail.append(frames[index])
        }
    }
}

enum StackVocabulary {
    static let javaExceptions: [StaticString] = [
        "java.lang.IllegalStateException: Order not found",
        "org.springframework.dao.DataAccessResourceFailureException: Unable to acquire JDBC Connection",
        "java.net.SocketTimeoutException: Read timed out",
        "java.lang.NullPointerException: Cannot invoke \"com.example.orders.Order.getTotal()\" because \"order\" is null",
    ]
    static let javaFrames: [StaticString] = [
        "com.example.orders.OrderService.load(OrderService.java:87)",
        "com.example.orders.OrderService.checkout(OrderService.java:142)",
        "com.example.web.OrderController.post(OrderController.java:58)",
        "java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)",
        "java.base/java.lang.reflect.Method.invoke(Method.java:580)",
        "org.springframework.web.method.support.InvocableHandlerMethod.doInvoke(InvocableHandlerMethod.java:255)",
        "org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:885)",
        "jakarta.servlet.http.HttpServlet.service(HttpServlet.java:658)",
        "org.apache.catalina.core.ApplicationFilterChain.doFilter(ApplicationFilterChain.java:140)",
        "org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun(NioEndpoint.java:1736)",
        "java.base/java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1144)",
        "java.base/java.lang.Thread.run(Thread.java:1583)",
    ]
    static let javaCauses: [StaticString] = [
        "org.postgresql.util.PSQLException: Connection to 10.0.3.7:5432 refused. Check that the hostname and port are correct.",
        "java.io.EOFException: null",
        "com.zaxxer.hikari.pool.HikariPool$PoolInitializationException: Failed to initialize pool",
    ]
    static let javaCauseFrames: [StaticString] = [
        "org.postgresql.core.v3.ConnectionFactoryImpl.openConnectionImpl(ConnectionFactoryImpl.java:346)",
        "org.postgresql.core.ConnectionFactory.openConnection(ConnectionFactory.java:54)",
        "org.postgresql.jdbc.PgConnection.<init>(PgConnection.java:273)",
        "com.zaxxer.hikari.pool.PoolBase.newConnection(PoolBase.java:359)",
        "com.zaxxer.hikari.pool.HikariPool.createPoolEntry(HikariPool.java:477)",
    ]
    static let goFrames: [StaticString] = [
        "main.(*Server).handleOrder\n\t/app/internal/server/orders.go:88",
        "net/http.HandlerFunc.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:2220",
        "github.com/go-chi/chi/v5.(*Mux).routeHTTP\n\t/go/pkg/mod/github.com/go-chi/chi/v5@v5.1.0/mux.go:459",
        "net/http.serverHandler.ServeHTTP\n\t/usr/local/go/src/net/http/server.go:3210",
        "net/http.(*conn).serve\n\t/usr/local/go/src/net/http/server.go:2092",
        "go.uber.org/zap.(*Logger).Error\n\t/go/pkg/mod/go.uber.org/zap@v1.27.0/logger.go:259",
    ]
    static let pythonFrames: [StaticString] = [
        "  File \"/app/shop/api.py\", line 42, in handler\n    order = repo.load(order_id)",
        "  File \"/app/shop/repo.py\", line 17, in load\n    row = await self.db.fetchrow(QUERY, order_id)",
        "  File \"/usr/local/lib/python3.12/site-packages/asyncpg/pool.py\", line 616, in fetchrow",
        "  File \"/usr/local/lib/python3.12/site-packages/asyncpg/connection.py\", line 1012, in _execute",
        "  File \"/app/shop/payments.py\", line 88, in charge\n    raise PaymentError(f\"declined: {code}\")",
    ]
    static let pythonExceptions: [StaticString] = [
        "KeyError: 'order_id'",
        "asyncpg.exceptions.ConnectionDoesNotExistError: connection was closed in the middle of operation",
        "shop.payments.PaymentError: declined: insufficient_funds",
        "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: invalid continuation byte",
    ]
    static let nodeFrames: [StaticString] = [
        "TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)",
        "Pool.connect (/app/node_modules/pg-pool/index.js:45:11)",
        "OrderRepository.load (/app/dist/orders/repository.js:27:30)",
        "async OrderService.checkout (/app/dist/orders/service.js:61:19)",
        "async Object.handler (/app/dist/routes/orders.js:14:5)",
    ]
    static let dotnetExceptions: [StaticString] = [
        "System.InvalidOperationException: Sequence contains no elements",
        "Npgsql.NpgsqlException (0x80004005): Failed to connect to 10.0.3.7:5432",
        "System.Net.Http.HttpRequestException: Response status code does not indicate success: 503 (Service Unavailable).",
    ]
    static let dotnetFrames: [StaticString] = [
        "System.Linq.ThrowHelper.ThrowNoElementsException()",
        "Shop.Api.Orders.OrderService.GetAsync(Int32 id) in /src/Shop.Api/Orders/OrderService.cs:line 42",
        "Shop.Api.Orders.OrdersController.Get(Int32 id) in /src/Shop.Api/Orders/OrdersController.cs:line 27",
        "Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.TaskOfIActionResultExecutor.Execute(ActionContext actionContext)",
    ]
}
