//! Open data: the verified actors' public fields as JSON (API), CSV and
//! GeoJSON, each with licence metadata, and the OpenAPI description of the
//! API. Only fields the public profile shows are included — never contact
//! addresses, never pending or declined registrations.

use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;
use serde_json::{Value, json};

use crate::domain;
use crate::entities::actor;

/// The licence of every dataset: Datenlizenz Deutschland – Namensnennung 2.0.
pub const LICENSE_ID: &str = "dl-de/by-2-0";
pub const LICENSE_NAME: &str = "Datenlizenz Deutschland – Namensnennung – Version 2.0";
pub const LICENSE_URL: &str = "https://www.govdata.de/dl-de/by-2-0";
/// The attribution the licence asks for.
pub const ATTRIBUTION: &str = "KI-Netzwerk Sachsen, Digitalagentur Sachsen";
/// Actors per API page.
pub const PER_PAGE: u64 = 100;
/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 20] = [
    "id",
    "slug",
    "name",
    "category",
    "group",
    "short_description",
    "competences",
    "industries",
    "offers",
    "size_class",
    "founding_year",
    "street",
    "postcode",
    "city",
    "ags8",
    "ags5",
    "lat",
    "lon",
    "website",
    "url",
];

/// The public fields of an actor.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PublicActor {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub group: String,
    pub short_description: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub size_class: String,
    pub founding_year: Option<i32>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub ags5: String,
    pub lat: f64,
    pub lon: f64,
    pub website: String,
    /// The profile page.
    pub url: String,
    /// RFC 3339.
    pub verified_at: Option<String>,
}

fn round5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

impl PublicActor {
    /// The public view of a stored actor; `None` unless it is verified.
    pub fn of(a: &actor::Model, public_url: &str) -> Option<PublicActor> {
        if a.status != domain::VERIFIED {
            return None;
        }
        let list = |s: &str| domain::split_list(s).map(str::to_owned).collect();
        Some(PublicActor {
            id: a.id,
            slug: a.slug.clone(),
            name: a.name.clone(),
            category: a.category.clone(),
            group: domain::group_of(&a.category).to_owned(),
            short_description: a.short_description.clone(),
            competences: list(&a.competences),
            industries: list(&a.industries),
            offers: list(&a.offers),
            size_class: a.size_class.clone(),
            founding_year: a.founding_year,
            street: a.street.clone(),
            postcode: a.postcode.clone(),
            city: a.city.clone(),
            ags8: a.ags8.clone(),
            ags5: a.ags5.clone(),
            lat: round5(a.lat),
            lon: round5(a.lon),
            website: a.website.clone(),
            url: format!("{public_url}/netzwerk/akteure/{}", a.slug),
            verified_at: a.verified_at.map(dias_core::time::format_rfc3339),
        })
    }
}

/// Every verified actor in name order (one query).
pub async fn all_public<C: ConnectionTrait>(
    db: &C,
    public_url: &str,
) -> Result<Vec<PublicActor>, DbErr> {
    Ok(actor::Entity::find()
        .filter(actor::Column::Status.eq(domain::VERIFIED))
        .order_by_asc(actor::Column::Name)
        .order_by_asc(actor::Column::Id)
        .all(db)
        .await?
        .iter()
        .filter_map(|a| PublicActor::of(a, public_url))
        .collect())
}

/// The licence member of the JSON and GeoJSON documents.
pub fn license_json() -> Value {
    json!({
        "id": LICENSE_ID,
        "name": LICENSE_NAME,
        "url": LICENSE_URL,
        "attribution": ATTRIBUTION,
    })
}

/// The `Link` header value naming the licence.
pub fn license_link() -> String {
    format!("<{LICENSE_URL}>; rel=\"license\"")
}

/// One API page.
pub fn api_page(actors: &[PublicActor], page: u64, total: u64, public_url: &str) -> Value {
    let pages = total.div_ceil(PER_PAGE).max(1);
    json!({
        "license": license_json(),
        "page": page,
        "per_page": PER_PAGE,
        "pages": pages,
        "total": total,
        "next": (page < pages).then(|| format!("{public_url}/netzwerk/api/akteure?seite={}", page + 1)),
        "data": actors,
    })
}

/// The CSV file (RFC 4180, UTF-8, lists separated by `;` within a field).
pub fn csv(actors: &[PublicActor]) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    for a in actors {
        writer.write_record([
            a.id.to_string(),
            a.slug.clone(),
            a.name.clone(),
            a.category.clone(),
            a.group.clone(),
            a.short_description.clone(),
            a.competences.join(";"),
            a.industries.join(";"),
            a.offers.join(";"),
            a.size_class.clone(),
            a.founding_year.map(|y| y.to_string()).unwrap_or_default(),
            a.street.clone(),
            a.postcode.clone(),
            a.city.clone(),
            a.ags8.clone(),
            a.ags5.clone(),
            a.lat.to_string(),
            a.lon.to_string(),
            a.website.clone(),
            a.url.clone(),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A GeoJSON FeatureCollection (RFC 7946) of points with public properties.
pub fn geojson(actors: &[PublicActor]) -> Value {
    let features: Vec<Value> = actors
        .iter()
        .map(|a| {
            let mut properties = serde_json::to_value(a).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut properties {
                map.remove("lat");
                map.remove("lon");
            }
            json!({
                "type": "Feature",
                "id": a.id,
                "geometry": { "type": "Point", "coordinates": [a.lon, a.lat] },
                "properties": properties,
            })
        })
        .collect();
    json!({
        "type": "FeatureCollection",
        "license": license_json(),
        "features": features,
    })
}

/// The OpenAPI 3.0 description of the actor API.
pub fn openapi(public_url: &str) -> Value {
    let string = json!({ "type": "string" });
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let filter = |name: &str, description: &str| {
        json!({
            "name": name,
            "in": "query",
            "required": false,
            "description": description,
            "schema": { "type": "array", "items": { "type": "string" } },
            "style": "form",
            "explode": true,
        })
    };
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "KI-Netzwerk Sachsen – Akteure",
            "version": "1.0.0",
            "description": "Öffentliche Angaben der geprüften KI-Akteure in Sachsen. Kontaktadressen sind nie enthalten.",
            "license": { "name": LICENSE_NAME, "url": LICENSE_URL },
        },
        "servers": [{ "url": public_url }],
        "paths": {
            "/netzwerk/api/akteure": {
                "get": {
                    "operationId": "listActors",
                    "summary": "Geprüfte Akteure, seitenweise nach Namen sortiert",
                    "parameters": [
                        {
                            "name": "seite",
                            "in": "query",
                            "required": false,
                            "description": "Seitennummer, ab 1",
                            "schema": { "type": "integer", "minimum": 1, "default": 1 },
                        },
                        filter("kategorie", "Kategorie-Schlüssel (mehrfach: oder)"),
                        filter("kompetenz", "Kompetenz-Schlüssel (mehrfach: oder)"),
                        filter("branche", "Branchen-Schlüssel (mehrfach: oder)"),
                        filter("angebot", "Angebots-Schlüssel (mehrfach: oder)"),
                        filter("kreis", "Amtlicher Kreisschlüssel (AGS, 5 Stellen)"),
                        filter("groesse", "Größenklasse"),
                    ],
                    "responses": {
                        "200": {
                            "description": "Eine Seite Akteure mit Lizenzangabe",
                            "headers": {
                                "Link": {
                                    "description": "Die Lizenz der Daten (rel=\"license\")",
                                    "schema": string,
                                },
                            },
                            "content": {
                                "application/json": {
                                    "schema": { "$ref": "#/components/schemas/ActorPage" },
                                },
                            },
                        },
                        "400": { "description": "Ungültige Seitennummer" },
                    },
                },
            },
        },
        "components": {
            "schemas": {
                "License": {
                    "type": "object",
                    "required": ["id", "name", "url"],
                    "properties": {
                        "id": string, "name": string,
                        "url": { "type": "string", "format": "uri" },
                        "attribution": string,
                    },
                },
                "ActorPage": {
                    "type": "object",
                    "required": ["license", "page", "per_page", "pages", "total", "data"],
                    "properties": {
                        "license": { "$ref": "#/components/schemas/License" },
                        "page": { "type": "integer" },
                        "per_page": { "type": "integer" },
                        "pages": { "type": "integer" },
                        "total": { "type": "integer" },
                        "next": { "type": "string", "format": "uri", "nullable": true },
                        "data": { "type": "array", "items": { "$ref": "#/components/schemas/Actor" } },
                    },
                },
                "Actor": {
                    "type": "object",
                    "required": ["id", "slug", "name", "category", "group", "competences", "lat", "lon", "url"],
                    "properties": {
                        "id": { "type": "integer", "format": "int64" },
                        "slug": string,
                        "name": string,
                        "category": { "type": "string", "enum": domain::CATEGORIES.iter().map(|t| t.slug).collect::<Vec<_>>() },
                        "group": { "type": "string", "enum": domain::GROUPS.iter().map(|t| t.slug).collect::<Vec<_>>() },
                        "short_description": string,
                        "competences": strings,
                        "industries": strings,
                        "offers": strings,
                        "size_class": string,
                        "founding_year": { "type": "integer", "nullable": true },
                        "street": string,
                        "postcode": string,
                        "city": string,
                        "ags8": string,
                        "ags5": string,
                        "lat": { "type": "number", "format": "double" },
                        "lon": { "type": "number", "format": "double" },
                        "website": string,
                        "url": { "type": "string", "format": "uri" },
                        "verified_at": { "type": "string", "format": "date-time", "nullable": true },
                    },
                },
            },
        },
    })
}
