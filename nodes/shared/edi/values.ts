/*
 * Envelope elements as data. Segments keep their elements as written; an envelope value a user
 * reads, an acknowledgment echoes or a check compares is taken through here, so that an EDIFACT
 * release character is honoured once (`ACME?+CO` is `ACME+CO`) and the writers escape it once.
 */
import { unrelease } from './edifact/syntax';
import type { Syntax } from './model';

/** A simple element as data: release characters removed, padding trimmed. */
export function valueOf(syntax: Syntax, raw: string | undefined): string {
	return unrelease(raw ?? '', syntax.release).trim();
}

/** A composite element's components as data: split where a separator is not released, each released and trimmed. */
export function componentsOf(syntax: Syntax, raw: string | undefined): string[] {
	return syntax.split(raw ?? '')[0].map((value) => value.trim());
}
