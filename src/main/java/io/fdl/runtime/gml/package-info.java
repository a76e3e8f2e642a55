/**
 * GML — the Generic Mapping Language of gml.md (issue 3).
 *
 * <h2>Structure</h2>
 * In the manner of <i>Crafting Interpreters</i>: {@link io.fdl.runtime.gml.Lexer} (tokens, §3, and
 * the line-break rules of §4.2) → {@link io.fdl.runtime.gml.Parser} (recursive descent, one method
 * per precedence level of §4.3) → {@link io.fdl.runtime.gml.Ast} (sealed interfaces + records) →
 * {@link io.fdl.runtime.gml.Compiler} (a tree of {@link io.fdl.runtime.gml.Eval} closures; names,
 * temporaries and lambda parameters are resolved to slots at compile time). Values are Jackson
 * nodes end to end, so nothing is converted at the API boundary; built-ins live in per-area
 * classes ({@code StringFunctions}, {@code MathFunctions}, {@code DateFunctions},
 * {@code ArrayMethods}, {@code ArrayTransforms}, {@code ArrayOrdering}, {@code ObjectMethods},
 * {@code StringMethods}, …) registered in {@code Functions} and {@code Methods}.
 *
 * <h2>Decisions where gml.md is silent</h2>
 * <ul>
 *   <li><b>Values</b>: Jackson nodes are used internally (no second value model): context values
 *       flow through without copies. Results may share nodes with the context; callers must treat
 *       every returned node as read-only. {@code IntNode}/{@code LongNode}/{@code ShortNode} and a
 *       {@code BigIntegerNode} that fits 64 bits are integers; every other number is a decimal.</li>
 *   <li><b>Runtime zone and clock</b> come from {@link io.fdl.runtime.gml.GmlContext#zone()} and
 *       {@link io.fdl.runtime.gml.GmlContext#clock()} (default UTC / system clock; added to the
 *       contract as default methods).</li>
 *   <li><b>Unknown method names</b> are evaluation errors (only when the receiver is not null, §6.8),
 *       not compile errors; a wrong number of method arguments is an evaluation error too.</li>
 *   <li><b>{@code ?.} followed by a digit</b> lexes as {@code ?} and then a number; since numbers
 *       cannot start with a dot (§3.5), {@code a ?.5 : 1} is a syntax error.</li>
 *   <li><b>Syntactic nesting depth</b> counts every bracket, prefix operator, binary operator of a
 *       chain, postfix step, template and CASE that is open at a point of the source, so it bounds the
 *       depth of the tree (a chain of more than 100 {@code +} is rejected with the limit error).</li>
 *   <li><b>A quoted assignment</b> {@code 'k' = e} also defines the name {@code k} when k is an
 *       identifier; otherwise it only defines the field.</li>
 *   <li><b>items()</b> classifies syntactically: a lone identifier is reported as COMPACT (with its
 *       name) even though §5.2 makes its value the script's result.</li>
 *   <li><b>{@code this} as a whole value</b> (not followed by {@code .}, {@code []}, {@code [#]}) is a
 *       snapshot copy; navigation through {@code this} reads the live state without copying, and a
 *       partially built literal reached that way is copied when it is used as a value.</li>
 *   <li><b>String index</b> {@code s[i]} accepts negative indices from the end, like arrays.</li>
 *   <li><b>{@code x IN object}</b> with a null x is false.</li>
 *   <li><b>Date ordering</b>: only §11.2 form 1 with {@code T} and an explicit offset compares by
 *       instant; strings with a space separator compare textually.</li>
 *   <li><b>DATE/TIME/NOW</b>: an empty offset text means "now"; NOW(date) converts the date to UTC;
 *       any null argument gives null.</li>
 *   <li><b>AVG</b> always returns a decimal (exact decimal mean, HALF_UP to 6 places).</li>
 *   <li><b>MIN/MAX</b> in varargs mode accept what the array methods accept (numbers, strings,
 *       booleans of one kind); arrays and objects are errors.</li>
 *   <li><b>SUBSTRING</b> with a negative length gives {@code ''}; <b>REPLACE</b> with a null search or
 *       replacement treats it as {@code ''}.</li>
 *   <li><b>String methods</b> take non-string arguments by their text form; a null argument where
 *       text is needed is an error. {@code indexOf} clamps a negative {@code from} to 0;
 *       {@code charAt} of a negative index is {@code ''}; {@code substr} with a negative length is
 *       {@code ''}. Empty search text: {@code replace} inserts at the start, {@code replaceAll}
 *       between code points (JavaScript semantics).</li>
 *   <li><b>proj/pick</b> keep the order of the field list; a field list may also be an array of
 *       names. {@code expand(path)} accepts dotted paths and copies the objects along the path.</li>
 *   <li><b>distinct()</b> hashes every kind in one pass (O(n) expected, arrays and objects
 *       included): numbers hash by their double value with the low 16 mantissa bits dropped (a
 *       granularity of ~1.5e-11 relative, coarser than the 1e-12 tolerance of §2.4), object hashes
 *       ignore key order, and {@code Values.equal} decides within a bucket. Two numbers within
 *       tolerance that straddle a bucket boundary are both kept (tolerant equality is not
 *       transitive, so no hashing scheme can be exact there).</li>
 *   <li><b>Allocation budget</b> ({@link io.fdl.runtime.gml.GmlLimits#maxAllocBytes()}, 64 MiB, a limit
 *       beyond §12): every value a method, function, operator, array/object literal or template
 *       builds is charged by {@link io.fdl.runtime.gml.ValueSize} — the container plus a reference per
 *       element (its children were charged where they were built), one level deeper for builders of
 *       nested containers ({@code chunk}, {@code groupBy}, {@code pick}, {@code entries}, …), the
 *       whole document for {@code parseJson}; a method returning its receiver (or the same text)
 *       costs nothing. Strings are checked before they are built. The error names
 *       {@code maxAllocBytes} (code LIMIT_EXCEEDED in FDL).</li>
 *   <li><b>Sorting</b> uses an own stable merge sort: user comparators that are inconsistent or throw
 *       never surface as {@code IllegalArgumentException}. A comparator must return a number.</li>
 *   <li><b>Number parsing</b> of INT/FLOAT/toNumber accepts {@code [+-]digits[.digits][e[+-]digits]}
 *       (also {@code .5} and {@code 5.}); {@code NaN}, {@code Infinity}, hex and Java suffixes
 *       are rejected. Integer text beyond 64 bits becomes a decimal (toNumber) or an error (INT).</li>
 *   <li><b>parseJson</b> is an own strict RFC 8259 parser (limits of §12 applied while reading);
 *       {@code toJson} prints integral decimals as {@code 4.0} and other decimals with
 *       {@code Double.toString}.</li>
 *   <li><b>Errors</b> from built-ins are prefixed with the function ({@code ROUND: …}) or method
 *       ({@code chunk(): …}) name and carry the position of the call.</li>
 * </ul>
 */
package io.fdl.runtime.gml;
