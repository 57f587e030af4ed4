; Inno Setup 6 script: SafeCase for Windows, installed per user without administrator rights.
;
;   ISCC.exe /DAppVersion=0.1.0 installer\windows\safecase.iss
;
; Packs the PyInstaller one-folder build (dist\safecase, from installer\safecase.spec) into
; dist\SafeCase-<version>-setup.exe. .github\workflows\windows-installer.yml builds, tests and
; uploads it; no Windows machine runs it here.
;
; Vaults are never touched: SafeCase keeps them in the person's own data folder
; (%APPDATA%\SafeCase\SafeCase\vault, or wherever --vault points), never in the program folder. This
; script has no [UninstallDelete] or [InstallDelete] entries and no code that deletes files, so the
; uninstaller removes exactly the files it installed and every vault stays where it is.
;
; Saved as UTF-8 with a byte-order mark, which Inno Setup needs to read the Korean text below.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=X.Y.Z safecase.iss
#endif

[Setup]
; The one identity of SafeCase's installation: upgrades and the uninstaller find it by this. Never change it.
AppId={{B9A00AE0-2B5D-4D03-9D28-2378AFC4FCB7}
AppName=SafeCase
AppVersion={#AppVersion}
AppVerName=SafeCase {#AppVersion}
AppPublisher=SafeCase
; Per user: %LOCALAPPDATA%\Programs\SafeCase, no administrator rights, no UAC prompt. A shared office PC
; gives each counselor their own copy of the program (and their own vault folder).
PrivilegesRequired=lowest
DefaultDirName={autopf}\SafeCase
DisableProgramGroupPage=yes
DefaultGroupName=SafeCase
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=SafeCase-{#AppVersion}-setup
SetupIconFile=..\..\src\safecase\resources\icons\safecase.ico
UninstallDisplayIcon={app}\safecasew.exe
UninstallDisplayName=SafeCase
WizardStyle=modern
Compression=lzma2
SolidCompression=yes
; Ask for the installer's language only when the system's is neither Korean nor English.
ShowLanguageDialog=auto

[Languages]
Name: "korean"; MessagesFile: "compiler:Languages\Korean.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
english.AppComment=Encrypted, offline casework for counseling centers
korean.AppComment=상담 사례를 이 PC의 암호화 보관함에 기록합니다
english.StartSafeCase=Start SafeCase
korean.StartSafeCase=SafeCase 시작

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\safecase\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; safecasew.exe opens the window without a console; safecase.exe is the command line.
Name: "{autoprograms}\SafeCase"; Filename: "{app}\safecasew.exe"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\SafeCase"; Filename: "{app}\safecasew.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\safecasew.exe"; Description: "{cm:StartSafeCase}"; Flags: nowait postinstall skipifsilent
