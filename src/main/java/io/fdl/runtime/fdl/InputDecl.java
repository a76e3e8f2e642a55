package io.fdl.runtime.fdl;

/**
 * One declared input of {@code args.in} (fdl.md §3.3).
 *
 * @param name         input name
 * @param type         declared type ({@code any} for the default-only form)
 * @param defaultValue GML default evaluated at run start, or null
 * @param required     true when there is no default and the type is not nullable
 */
public record InputDecl(String name, TypeRef type, Script defaultValue, boolean required, SourcePos pos) {}
