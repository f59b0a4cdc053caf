using CooperaNet.Domain;

namespace CooperaNet.Application.Guidelines;

/// <summary>The first drafts of the two guidelines of work plan para 68, in Spanish, English, Portuguese and French.</summary>
public static class GuidelineSeeds
{
    public const string RelationsSlug = "relations-with-cooperation-bodies";

    public const string SegibMercosurSlug = "coordination-segib-mercosur";

    public static IReadOnlyList<GuidelineSeed> All { get; } =
    [
        new(
            RelationsSlug,
            LocalizedText.Of(
                "Regular, junto con las autoridades de cooperación, las relaciones de la plataforma con los contactos de otros organismos universales, regionales y subregionales de cooperación para el desarrollo (plan de trabajo, párr. 68).",
                "To regulate, together with the cooperation authorities, the platform's relations with the contacts of other universal, regional and subregional bodies for development cooperation (work plan, para 68).",
                "Regular, em conjunto com as autoridades de cooperação, as relações da plataforma com os contatos de outros organismos universais, regionais e sub-regionais de cooperação para o desenvolvimento (plano de trabalho, parág. 68).",
                "Encadrer, avec les autorités de coopération, les relations de la plateforme avec les contacts d'autres organismes universels, régionaux et sous-régionaux de coopération pour le développement (plan de travail, par. 68)."),
            LocalizedText.Of(
                "Lineamientos para las relaciones con organismos universales, regionales y subregionales de cooperación",
                "Guidelines for relations with universal, regional and subregional cooperation bodies",
                "Diretrizes para as relações com organismos universais, regionais e sub-regionais de cooperação",
                "Lignes directrices pour les relations avec les organismes universels, régionaux et sous-régionaux de coopération"),
            LocalizedText.Of(
                """
                ## Quién habla en nombre de la plataforma

                La Secretaría Técnica de la AICD mantiene los contactos institucionales en nombre de CooperaNet. Los puntos focales de los Estados Miembros hablan por sus países; los compromisos que involucren a la plataforma se consultan antes con el Grupo de Trabajo.

                ## Cómo se establecen y mantienen los contactos

                - Cada organismo tiene un contacto principal y uno alterno, registrados por la Secretaría.
                - Los contactos se establecen por escrito, con copia a las autoridades de cooperación interesadas.
                - La Secretaría revisa cada semestre la lista de contactos y su vigencia.

                ## Intercambio de información

                Se comparte información pública de la plataforma (ofertas, demandas y experiencias publicadas). Los datos personales y la información no publicada solo se comparten con el consentimiento de quien los aportó.

                ## Actividades conjuntas

                Las conferencias, talleres, seminarios y paneles conjuntos se acuerdan por escrito, indicando objetivos, responsables y recursos, y se informan al Grupo de Trabajo.
                """,
                """
                ## Who speaks for the platform

                The AICD Technical Secretariat keeps the institutional contacts on behalf of CooperaNet. The member states' focal points speak for their countries; commitments involving the platform are first discussed with the Working Group.

                ## How contacts are made and kept

                - Each body has a main and an alternate contact, recorded by the Secretariat.
                - Contacts are made in writing, copying the cooperation authorities concerned.
                - Every semester the Secretariat reviews the list of contacts and whether they are current.

                ## Information sharing

                The platform's public information (published offers, demands and experiences) is shared. Personal data and unpublished information are shared only with the consent of whoever provided them.

                ## Joint activities

                Joint conferences, workshops, seminars and panels are agreed in writing, stating objectives, responsibilities and resources, and are reported to the Working Group.
                """,
                """
                ## Quem fala em nome da plataforma

                A Secretaria Técnica da AICD mantém os contatos institucionais em nome da CooperaNet. Os pontos focais dos Estados membros falam por seus países; os compromissos que envolvam a plataforma são antes discutidos com o Grupo de Trabalho.

                ## Como os contatos são estabelecidos e mantidos

                - Cada organismo tem um contato principal e um suplente, registrados pela Secretaria.
                - Os contatos são estabelecidos por escrito, com cópia às autoridades de cooperação interessadas.
                - A cada semestre a Secretaria revisa a lista de contatos e sua vigência.

                ## Intercâmbio de informação

                Compartilha-se a informação pública da plataforma (ofertas, demandas e experiências publicadas). Os dados pessoais e a informação não publicada só são compartilhados com o consentimento de quem os forneceu.

                ## Atividades conjuntas

                As conferências, oficinas, seminários e painéis conjuntos são acordados por escrito, indicando objetivos, responsáveis e recursos, e informados ao Grupo de Trabalho.
                """,
                """
                ## Qui parle au nom de la plateforme

                Le Secrétariat technique de l'AICD entretient les contacts institutionnels au nom de CooperaNet. Les points focaux des États membres parlent pour leur pays ; les engagements qui concernent la plateforme sont d'abord discutés avec le Groupe de travail.

                ## Comment les contacts sont établis et entretenus

                - Chaque organisme a un contact principal et un suppléant, enregistrés par le Secrétariat.
                - Les contacts sont établis par écrit, en copie aux autorités de coopération concernées.
                - Chaque semestre, le Secrétariat revoit la liste des contacts et leur validité.

                ## Partage d'informations

                Les informations publiques de la plateforme (offres, demandes et expériences publiées) sont partagées. Les données personnelles et les informations non publiées ne le sont qu'avec le consentement de ceux qui les ont fournies.

                ## Activités conjointes

                Les conférences, ateliers, séminaires et panels conjoints sont convenus par écrit, avec leurs objectifs, leurs responsables et leurs ressources, et sont portés à la connaissance du Groupe de travail.
                """)),
        new(
            SegibMercosurSlug,
            LocalizedText.Of(
                "Orientar el piloto de coordinación con la SEGIB, en particular con sus Programas, Iniciativas y Proyectos Adscritos (PIPA), y con el MERCOSUR, aprovechando las ofertas y recursos de cooperación existentes (plan de trabajo, párr. 68, acción 1).",
                "To guide the pilot of coordination with SEGIB, in particular its Programmes, Initiatives and Affiliated Projects (PIPA), and with MERCOSUR, drawing on existing cooperation offers and resources (work plan, para 68, action 1).",
                "Orientar o piloto de coordenação com a SEGIB, em particular com seus Programas, Iniciativas e Projetos Adscritos (PIPA), e com o MERCOSUL, aproveitando as ofertas e recursos de cooperação existentes (plano de trabalho, parág. 68, ação 1).",
                "Orienter le projet pilote de coordination avec le SEGIB, en particulier ses Programmes, Initiatives et Projets rattachés (PIPA), et avec le MERCOSUR, en tirant parti des offres et ressources de coopération existantes (plan de travail, par. 68, action 1)."),
            LocalizedText.Of(
                "Lineamientos para la coordinación con la SEGIB y sus PIPA y con el MERCOSUR (piloto)",
                "Guidelines for coordination with SEGIB and its PIPA and with MERCOSUR (pilot)",
                "Diretrizes para a coordenação com a SEGIB e seus PIPA e com o MERCOSUL (piloto)",
                "Lignes directrices pour la coordination avec le SEGIB et ses PIPA et avec le MERCOSUR (pilote)"),
            LocalizedText.Of(
                """
                ## Alcance del piloto

                El piloto articula acciones de cooperación de la OEA con la Secretaría General Iberoamericana (SEGIB) y con el Mercado Común del Sur (MERCOSUR) durante el período del plan de trabajo.

                ## Coordinación con la SEGIB y sus PIPA

                - La Secretaría propone reuniones con las altas autoridades de la SEGIB para consolidar el vínculo y el apoyo mutuo.
                - Se identifican los PIPA cuyas ofertas coinciden con las demandas publicadas en la plataforma.
                - Se exploran las opciones de articulación entre el SIDICSS y CooperaNet.

                ## Coordinación con el MERCOSUR

                Se establece comunicación para conocer sus dinámicas de cooperación y encontrar puntos en común y espacios de acción conjunta.

                ## Seguimiento

                La Secretaría informa al Grupo de Trabajo de cada contacto y de sus resultados, y los resultados del piloto se recogen en el informe semestral.
                """,
                """
                ## Scope of the pilot

                The pilot joins up the OAS's cooperation actions with the Ibero-American General Secretariat (SEGIB) and the Southern Common Market (MERCOSUR) during the period of the work plan.

                ## Coordination with SEGIB and its PIPA

                - The Secretariat proposes meetings with SEGIB's senior authorities to consolidate the relationship and mutual support.
                - The PIPA whose offers match the demands published on the platform are identified.
                - The options for linking SIDICSS and CooperaNet are explored.

                ## Coordination with MERCOSUR

                Communication is established to learn its cooperation dynamics and to find common ground and room for joint action.

                ## Follow-up

                The Secretariat reports each contact and its results to the Working Group, and the pilot's results are included in the semester report.
                """,
                """
                ## Alcance do piloto

                O piloto articula ações de cooperação da OEA com a Secretaria-Geral Ibero-Americana (SEGIB) e com o Mercado Comum do Sul (MERCOSUL) durante o período do plano de trabalho.

                ## Coordenação com a SEGIB e seus PIPA

                - A Secretaria propõe reuniões com as altas autoridades da SEGIB para consolidar o vínculo e o apoio mútuo.
                - Identificam-se os PIPA cujas ofertas coincidem com as demandas publicadas na plataforma.
                - Exploram-se as opções de articulação entre o SIDICSS e a CooperaNet.

                ## Coordenação com o MERCOSUL

                Estabelece-se comunicação para conhecer suas dinâmicas de cooperação e encontrar pontos em comum e espaços de ação conjunta.

                ## Acompanhamento

                A Secretaria informa o Grupo de Trabalho sobre cada contato e seus resultados, e os resultados do piloto são incluídos no relatório semestral.
                """,
                """
                ## Portée du projet pilote

                Le projet pilote articule les actions de coopération de l'OEA avec le Secrétariat général ibéro-américain (SEGIB) et le Marché commun du Sud (MERCOSUR) pendant la période du plan de travail.

                ## Coordination avec le SEGIB et ses PIPA

                - Le Secrétariat propose des réunions avec les hautes autorités du SEGIB afin de consolider le lien et le soutien mutuel.
                - Les PIPA dont les offres correspondent aux demandes publiées sur la plateforme sont identifiés.
                - Les possibilités d'articulation entre le SIDICSS et CooperaNet sont étudiées.

                ## Coordination avec le MERCOSUR

                Une communication est établie pour connaître ses dynamiques de coopération et trouver des points communs et des espaces d'action conjointe.

                ## Suivi

                Le Secrétariat informe le Groupe de travail de chaque contact et de ses résultats, et les résultats du projet pilote figurent dans le rapport semestriel.
                """)),
    ];
}
