# Förderlotse (dias-funding): labels, funding check, validation and import messages.

## Offer type
funding-offer-type-foerderprogramm = Funding programme
funding-offer-type-beratungsangebot = Advice service
funding-offer-type-netzwerk = Network/contact point
funding-offer-type-qualifizierung = Training/event

## Type of support
funding-type-zuschuss = Grant
funding-type-darlehen = Loan
funding-type-buergschaft = Surety
funding-type-garantie = Guarantee
funding-type-beteiligung = Equity
funding-type-beratung = Advice
funding-type-preis = Prize/competition
funding-type-sonstige = Other

## Funding area (levels 1 and 2)
funding-area-digitalisierung = Digitalisation
funding-area-digitale-prozesse = Digital processes and business models
funding-area-it-sicherheit = IT security
funding-area-kuenstliche-intelligenz = Artificial intelligence
funding-area-daten-cloud = Data and cloud
funding-area-e-commerce = Online retail and online marketing
funding-area-beratung = Advice
funding-area-digitalberatung = Digitalisation advice
funding-area-foerdermittelberatung = Funding advice
funding-area-unternehmensberatung = Business consulting
funding-area-forschung-innovation = Research and innovation
funding-area-fue-projekte = Research and development projects
funding-area-technologietransfer = Technology transfer
funding-area-innovationsraeume = Innovation and experimentation spaces
funding-area-existenzgruendung = Business start-up and consolidation
funding-area-gruendung = Founding
funding-area-wachstum = Growth and consolidation
funding-area-nachfolge = Business succession
funding-area-infrastruktur = Infrastructure
funding-area-breitband = Broadband and gigabit
funding-area-mobilfunk = Mobile networks
funding-area-aus-weiterbildung = Education and training
funding-area-digitale-kompetenzen = Digital skills
funding-area-fachkraefte = Skilled workers and apprenticeships
funding-area-energieeffizienz = Energy efficiency and renewable energy
funding-area-energieeinsparung = Saving energy in the business
funding-area-umwelt = Environmental and nature protection
funding-area-ressourceneffizienz = Resource efficiency
funding-area-unternehmensfinanzierung = Business finance
funding-area-investitionen = Investment
funding-area-betriebsmittel = Working capital
funding-area-wagniskapital = Venture capital
funding-area-smart-cities = Smart cities and regions
funding-area-digitale-verwaltung = Digital administration
funding-area-smart-city = Smart city and smart region
funding-area-regionalfoerderung = Regional development
funding-area-laendlicher-raum = Rural areas
funding-area-aussenwirtschaft = Foreign trade
funding-area-messen = Trade fairs and market entry

## Eligible applicants
funding-group-unternehmen = Companies
funding-group-existenzgruender = Founders
funding-group-kommune = Municipalities
funding-group-oeffentliche-einrichtung = Public bodies
funding-group-verband = Associations
funding-group-hochschule = Universities
funding-group-forschungseinrichtung = Research institutes
funding-group-bildungseinrichtung = Education providers
funding-group-privatperson = Private individuals

## Company size
funding-size-kleinst = Micro enterprise (fewer than 10 employees)
funding-size-klein = Small enterprise (fewer than 50 employees)
funding-size-mittel = Medium-sized enterprise (fewer than 250 employees)
funding-size-gross = Large enterprise (250 employees or more)

## Industry (WZ 2008)
funding-industry-land-forstwirtschaft = Agriculture, forestry and fishing
funding-industry-bergbau = Mining and quarrying
funding-industry-verarbeitendes-gewerbe = Manufacturing
funding-industry-energieversorgung = Energy supply
funding-industry-wasser-entsorgung = Water supply, sewerage and waste management
funding-industry-baugewerbe = Construction
funding-industry-handel = Wholesale and retail trade, repair of motor vehicles
funding-industry-verkehr-lagerei = Transport and storage
funding-industry-gastgewerbe = Accommodation and food services
funding-industry-information-kommunikation = Information and communication
funding-industry-finanzdienstleistungen = Financial and insurance services
funding-industry-grundstuecke-wohnen = Real estate
funding-industry-freiberufliche-dienstleistungen = Professional, scientific and technical services
funding-industry-wirtschaftliche-dienstleistungen = Administrative and support services
funding-industry-oeffentliche-verwaltung = Public administration, defence, social security
funding-industry-erziehung-unterricht = Education
funding-industry-gesundheit-sozialwesen = Health and social work
funding-industry-kunst-unterhaltung = Arts, entertainment and recreation
funding-industry-sonstige-dienstleistungen = Other services
funding-industry-private-haushalte = Private households
funding-industry-exterritoriale-organisationen = Extraterritorial organisations

## Funder level
funding-level-eu = European Union
funding-level-bund = Federal government
funding-level-land = State (Free State of Saxony)
funding-level-kommune = Local authority
funding-level-privat = Private

## Procedure
funding-procedure-laufend = Rolling applications
funding-procedure-stichtag = Fixed cut-off dates
funding-procedure-aufruf = Call/competition
funding-procedure-hausbank = Application through your bank

## Status
funding-status-offen = Open
funding-status-antragstopp = Applications suspended
funding-status-ausgelaufen = Ended
funding-status-angekuendigt = Announced

## Origin
funding-origin-redaktion = Editorial
funding-origin-beispiel = Example (fictional)
funding-origin-synthetisch = Synthetic (load test)

## What amounts refer to
funding-basis-foerderbetrag = Grant or loan amount
funding-basis-ausgaben = Eligible costs

## Region
funding-region-eu = EU-wide
funding-region-bundesweit = Germany-wide
funding-region-sachsen = Saxony

## Funding check: questions
funding-question-wer = Who is applying
funding-question-kreis = Seat (district)
funding-question-gemeinde = Municipality
funding-question-groesse = Company size
funding-question-branche = Industry
funding-question-thema = Project (funding area)
funding-question-art = Type of support

## Funding check: conditions
funding-criterion-group = Eligible applicants
funding-criterion-region = Funding region
funding-criterion-size = Company size
funding-criterion-industry = Industry
funding-criterion-theme = Funding area
funding-criterion-funding-type = Type of support
funding-criterion-status = Application status

## Funding check: result
funding-verdict-passt = fits
funding-verdict-unklar = unclear
funding-verdict-passt-nicht = does not fit
funding-missing-answer = missing answer: { $questions }

funding-availability-open = Applications are possible.
funding-availability-announced = Announced – applications are not possible yet.
funding-availability-awaiting = The known deadlines have passed; the next one is not known yet.
funding-availability-stopped = Applications suspended – no applications are accepted at the moment.
funding-availability-ended = Ended – this offer no longer exists.

funding-reason-group-missing = Tell us who is applying so that we can check eligibility.
funding-reason-group-matched = You are among the eligible applicants.
funding-reason-group-failed = The offer is meant for other applicants.
funding-reason-region-saxony = The offer applies throughout Saxony.
funding-reason-region-district = The offer applies in your district.
funding-reason-region-municipality = The offer applies in your municipality.
funding-reason-region-missing = The offer applies only in certain districts or municipalities. Tell us your district.
funding-reason-region-municipality-missing = The offer applies only in some municipalities of your district. Tell us your municipality.
funding-reason-region-failed = The offer does not apply where you are based.
funding-reason-size-missing = The offer is limited to certain company sizes. Tell us your size.
funding-reason-size-matched = Your company size is eligible.
funding-reason-size-failed = Your company size is not eligible.
funding-reason-industry-missing = The offer is limited to certain industries. Tell us your industry.
funding-reason-industry-matched = Your industry is eligible.
funding-reason-industry-failed = Your industry is not eligible.
funding-reason-theme-matched = The offer fits your project.
funding-reason-theme-failed = The offer supports other kinds of projects.
funding-reason-funding-type-matched = The offer provides the type of support you want.
funding-reason-funding-type-failed = The offer provides a different type of support.
funding-reason-status-open = Applications are possible at the moment.
funding-reason-status-announced = The offer has been announced; applications are not possible yet.
funding-reason-status-awaiting = The next deadline is not known yet.
funding-reason-status-stopped = Applications are suspended at the moment.
funding-reason-status-ended = The offer has ended.

## Funding check: input
funding-error-query = The answers in the address cannot be read. Please fill in the funding check again.
funding-error-answer-twice = Please choose only one answer here.
funding-error-municipality-district = The municipality is not in the chosen district.

## Checking an offer
funding-error-whitespace = Please remove spaces or line breaks at the beginning and end.
funding-error-url = Please enter a complete web address starting with https://.
funding-error-duplicate = Each value may occur only once.
funding-error-list-item = An entry of the list is empty or begins or ends with a space.
funding-error-separator = Entries may not contain a semicolon (;), a vertical bar (|) or a line break.
funding-error-slug = The short name consists of 2 to 80 lower-case letters (a–z), digits and single hyphens, for example digi-z; “neu” and “import” are taken.
funding-error-example-title = An example offer must be marked as „Beispiel“ in its title.
funding-error-synthetic-title = A synthetic offer must be marked as „synthetisch“ in its title.
funding-error-choose-one = Please choose at least one value.
funding-error-sizes-without-companies = Company sizes apply only to offers for companies or founders.
funding-error-phone = The phone number may contain only digits, spaces and + - / ( ).
funding-error-combinable-self = An offer cannot be combined with itself.
funding-error-too-many = Please enter at most 30 keywords.
funding-error-date-future = The date may not lie in the future.
funding-error-region-unknown = This funding region does not exist.
funding-error-region-redundant = An area is listed twice: with „Saxony“, „Germany-wide“ or „EU-wide“ single districts are not needed, with a district not its municipalities.
funding-error-rate = The funding rate lies between 1 and 100 per cent.
funding-error-basis = Please state what the amounts refer to.
funding-error-min-above-max = The minimum amount is larger than the maximum amount.
funding-error-amount = An amount must be larger than 0 euros.
funding-error-tier-empty = A funding tier needs a rate or a maximum amount.
funding-error-tier-above-max = A funding tier exceeds the offer's maximum rate or amount.
funding-error-tier-size = The funding tier names a company size that is not eligible.
funding-error-deadlines-order = Please list the deadlines in ascending order without repeats.
funding-error-deadline-after-end = A deadline lies after the end of the programme.
funding-error-deadline-missing = A procedure with cut-off dates needs at least one date.
funding-error-status-note = Please explain the status (for example since when and why).
funding-error-open-but-ended = The programme end has passed; the offer cannot be open any more.

## Import
funding-import-number = Not a whole number. Please give amounts without thousands separators or currency signs.
funding-import-tier-parts = A funding tier has four parts: size|rate|maximum|label.
funding-import-missing = Required field missing.
funding-import-invalid = Invalid value.
funding-import-not-an-object = The record is not a JSON object.
funding-import-unknown-field = Unknown field.
funding-import-row = The line cannot be read.
funding-import-column-count = The line does not have as many fields as the header.
funding-import-duplicate-slug = The short name already occurs in the file.
funding-import-line = Line { $line }
