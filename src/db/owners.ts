// Owners: one row per address on OWNER_EMAILS, created on first use.

export interface OwnerRow {
  id: number;
  email: string;
  name: string | null;
  timezone: string | null;
  send_hour: number | null;
  send_days: string;
  cadence: string | null;
  calendar_token: string | null;
  landed_at: number | null;
  landed_company: string | null;
  landed_role: string | null;
}

export function ensureOwnerStatement(db: D1Database, email: string, now: number, name: string | null = null): D1PreparedStatement {
  return db
    .prepare("INSERT INTO owners (email, name, created_at) VALUES (?1, ?3, ?2) ON CONFLICT (email) DO UPDATE SET name = coalesce(excluded.name, owners.name)")
    .bind(email, now, name?.slice(0, 200) || null);
}

export async function ensureOwner(db: D1Database, email: string, now: number, name: string | null = null): Promise<OwnerRow> {
  const [, select] = await db.batch([ensureOwnerStatement(db, email, now, name), db.prepare("SELECT * FROM owners WHERE email = ?1").bind(email)]);
  return (select!.results as unknown as OwnerRow[])[0]!;
}

export async function findOwner(db: D1Database, email: string): Promise<OwnerRow | null> {
  return db.prepare("SELECT * FROM owners WHERE email = ?1").bind(email).first<OwnerRow>();
}
