/**
 * Tool calls of FDL runs (tools.md): {@link io.fdl.runtime.tools.FdlToolInvoker} is the engine's
 * {@code ToolInvoker}; it dispatches one attempt to {@code http} (api://), {@code db} (db://, with
 * the CQL parser of {@code cql}) or {@code flow} (flow://, implemented by the execution service
 * against {@link io.fdl.runtime.tools.flow.FlowToolHandler}). {@code config} holds the
 * configuration API's service (api.md §8).
 *
 * <p>Decisions where the specification is silent:
 * <ul>
 *   <li>Credentials (auth_config secret field, the whole connection string) are stored AES-GCM
 *       encrypted with a key derived from {@code FDL_TOOLS_SECRET_KEY}, else {@code FDL_JWT_SECRET}.</li>
 *   <li>Configuration updates are partial (absent fields keep their value); a secret sent back as
 *       {@code "****"} keeps the stored one. Errors: 400 {@code VALIDATION_ERROR}, 404, 409
 *       {@code ALREADY_EXISTS}. {@code POST …/test} answers {@code {name, success, latency_ms,
 *       status?, error_code?, error?}}.</li>
 *   <li>api://: {@code _headers} may not set Authorization, X-Tenant-Id, X-Bu-Code,
 *       Idempotency-Key or framing headers (Host, Content-Length, Transfer-Encoding, …): BAD_ARGS.
 *       Exec paths may only contain RFC 3986 path characters other than {@code @}; base URLs carry
 *       no credentials, query or fragment. Non-2xx errors carry {@code details = {status, body}}.</li>
 *   <li>The registration's {@code timeout_ms} applies when the engine passes the built-in default
 *       (the URI had no {@code timeout}); once cached it is also returned by
 *       {@code defaultTimeoutMs}.</li>
 *   <li>db://: {@code save} is update-else-insert in one statement; a read-only datasource runs
 *       every transaction read-only (a native write then fails with NOT_ALLOWED); {@code native}
 *       numbers {@code ?} outside literals, quoted identifiers, dollar quotes and comments.</li>
 * </ul>
 */
package io.fdl.runtime.tools;
