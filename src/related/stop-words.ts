/*
 * Words too common in a language to say what an article is about. The lists
 * are short on purpose: inverse document frequency already discounts common
 * words; these remove the ones so frequent that they would fill every
 * article's vector.
 */
const LISTS: Record<string, string> = {
  en: `a about above after again against all also although am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even ever every few for from further had has
    have having he her here hers herself him himself his how however i if in into is it its itself just last like many
    may me might more most much must my myself new no nor not now of off on once one only or other our ours ourselves
    out over own said same says she should since so some still such than that the their theirs them themselves then
    there these they this those though through to too two under until up upon us very was we were what when where
    whether which while who whom whose why will with within without would year years yet you your yours yourself`,
  de: `aber alle allem allen aller alles als also am an andere anderen auch auf aus bei beim bin bis bist da dabei
    damit dann das dass dem den denn der des dich die dies diese diesem diesen dieser dieses dir doch dort du durch ein
    eine einem einen einer eines er es etwas euch euer für gegen gewesen hab habe haben hat hatte hatten hier hin hinter
    ich ihm ihn ihnen ihr ihre im in ist ja jede jedem jeden jeder jetzt kann kein keine können man mehr mein meine mit
    muss nach nicht nichts noch nun nur ob oder ohne sehr sein seine sich sie sind so solche soll sondern über um und
    uns unter viel vom von vor war waren warum was weil weiter welche wenn wer werden wie wieder will wir wird wo zu zum
    zur zwischen`,
  fr: `à afin ai alors au aucun aussi autre aux avait avant avec avoir ce cela celle celui ces cet cette chaque comme
    dans de des depuis donc dont du elle elles en encore entre est et été être eux fait faut il ils je la le les leur
    leurs lors lui mais me même mes moi moins mon ne ni nos notre nous on ont ou où par parce pas pendant peu plus pour
    pourquoi qu que quel quelle quelles quels qui sa sans se selon ses si son sont sous sur ta te tes toi ton tous tout
    toute toutes très tu un une vos votre vous`,
  es: `a al algo algunos ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en
    entre era es esa esas ese eso esos esta estaba estas este esto estos fue fueron ha habia han hasta hay la las le
    les lo los mas me mi mientras muy nada ni no nos o otra otras otro otros para pero poco por porque que quien se
    ser si sin sobre son su sus también tanto te tiene todo todos tu un una uno unos y ya`,
  it: `a ad al alla alle allo anche ancora avere che chi ci come con contro cosa da dal dalla dei del della delle dello
    di dove e ed era erano essere gli ha hanno i il in io la le lei li lo loro lui ma mi molto ne nei nel nella nelle
    noi non o per perché più poi quale quando quello questa questi questo se sei si sia siamo sono su sua sue sui sul
    sulla suo suoi tra tu tutti tutto un una uno voi`,
  nl: `aan al alle als also bij dan dat de der deze die dit doch door dus een en er ge geen had heb hebben heeft hem
    het hier hij hoe hun ik in is je kan kon maar me meer men met mij mijn na naar niet niets nog nu of om omdat ons
    ook op over reeds te tegen toch toen tot u uit uw van veel voor want waren was wat we wel werd wie wij wordt zal ze
    zelf zich zij zijn zo zonder zou`,
  pt: `a ao aos as até com como da das de dela dele deles depois do dos e ela elas ele eles em entre era essa esse
    esta este eu foi foram há isso isto já lhe mais mas me mesmo meu minha muito na nas nem no nos nós num numa o os ou
    para pela pelas pelo pelos por qual quando que quem se sem ser seu seus só sua suas também te tem um uma umas uns
    você`,
};

const cache = new Map<string, ReadonlySet<string>>();

/** Stop words for a BCP 47 language tag (by its primary language); empty for languages without a list. */
export function stopWordsFor(language: string): ReadonlySet<string> {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  let words = cache.get(primary);
  if (!words) {
    words = new Set((LISTS[primary] ?? '').split(/\s+/).filter(Boolean));
    cache.set(primary, words);
  }
  return words;
}
