import Testing
@testable import OpsCore

@Suite struct HTTPErrorMappingTests {
    @Test func boringSSLReasonsBecomeWords() {
        #expect(HTTPErrorMapping.reasonWords("Error: 268435703 error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER at /src/ssl/tls_record.cc:231")
                == "wrong version number")
        #expect(HTTPErrorMapping.reasonWords("100000f7:SSL routines:OPENSSL_internal:TLSV1_ALERT_UNKNOWN_CA")
                == "tlsv1 alert unknown ca")
        #expect(HTTPErrorMapping.reasonWords("something else entirely") == "something else entirely")
        #expect(HTTPErrorMapping.reasonWords("") == "")
    }

    @Test func phasesAndTimeoutsReadAsSentences() {
        #expect(HTTPClientError.timedOut(after: .seconds(2), phase: .connecting).description == "timed out after 2s connecting")
        #expect(HTTPClientError.timedOut(after: .milliseconds(1500), phase: .readingBody).description
                == "timed out after 1.5s reading the answer")
        #expect(HTTPClientError.connectionClosed(phase: .waitingForAnswer).description
                == "connection closed by the server before answering")
        #expect(HTTPClientError.cannotResolve(host: "api.invalid").description == "cannot resolve host api.invalid")
    }
}
