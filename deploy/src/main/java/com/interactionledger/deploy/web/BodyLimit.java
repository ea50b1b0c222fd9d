package com.interactionledger.deploy.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.interactionledger.contracts.common.ErrorCode;
import com.interactionledger.problems.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Every request body is at most {@code ledger.http.max-body} (default {@value #DEFAULT}) bytes, held by the
 * application itself rather than trusted to a proxy in front of it: a larger one is refused with 413
 * {@code PAYLOAD_TOO_LARGE} before anything reads it, so nothing is parsed, checked or written.
 * <p>
 * Why 256KB: the largest body the API accepts is a message of 20,000 characters with 20 attachments (reference 500,
 * media type 105, file name 255 characters each). Written by a client that escapes every non-ASCII character as a
 * backslash, u and four hex digits (six bytes a character, as many JSON libraries do by default), in CJK text, that
 * is 213,906 bytes (BadInputTest sends it); with every character escaped, keys aside, about 225,500. 256KB
 * (262,144 bytes) is above both, and small enough
 * that the most a request costs to hold in memory, times the web threads, is a few megabytes.
 * <p>
 * A body that declares its length ({@code Content-Length}) is judged by it. A chunked body says nothing of its
 * length up front: it is read here, up to one byte past the limit, and refused if it goes past; otherwise the
 * application reads the bytes read here. The check runs before the security filters: a body too large is refused
 * before a token is verified for it.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER - 10)
public class BodyLimit extends OncePerRequestFilter {

    static final String DEFAULT = "256KB";

    private final long maxBytes;
    private final ObjectMapper json;

    public BodyLimit(@Value("${ledger.http.max-body:" + DEFAULT + "}") DataSize maxBody, ObjectMapper json) {
        this.maxBytes = maxBody.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && mayCarryUndeclaredBody(request)) {
            byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
            if (body.length > maxBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** HTTP/1.1 sends a body of unknown length chunked; HTTP/2 may send any body without a length. */
    private static boolean mayCarryUndeclaredBody(HttpServletRequest request) {
        String encoding = request.getHeader("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")
                || request.getProtocol().startsWith("HTTP/2");
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while (read.size() < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - read.size()))) > 0) {
            read.write(buffer, 0, n);
        }
        return read.toByteArray();
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(ErrorCode.PAYLOAD_TOO_LARGE.httpStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // What is left of the body is Tomcat's to discard (up to its swallow limit, then it closes the connection),
        // so the client, still sending, gets this answer rather than a reset.
        json.writeValue(response.getOutputStream(), Problems.problem(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + maxBytes + " bytes", request));
    }

    /** The request with its body already read (a chunked body within the limit). */
    private static final class ReadBody extends HttpServletRequestWrapper {
        private final byte[] body;
        private final ByteArrayInputStream in;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
